package io.kumo.compute.host;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kumo.api.hypervisor.HostConnection;

import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Lob;
import javax.persistence.Table;
import java.util.Map;

/**
 * How a hypervisor backend reaches a host: credentials and the backend-specific settings given when it was added.
 * Kept out of {@link HostEntity} so that no query can read or filter on a password.
 */
@Entity
@Table(name = "HostConnectionVO")
public class HostConnectionEntity {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Id
    private String hostUuid;
    private String url;
    private String username;
    private String password;
    @Lob
    private String properties;

    /** For JPA. */
    public HostConnectionEntity() { }

    /**
     * @param hostUuid   the host
     * @param url        a backend-specific address, or null
     * @param username   a login, or null
     * @param password   a secret, or null
     * @param properties backend-specific settings
     */
    public HostConnectionEntity(String hostUuid, String url, String username, String password, Map<String, String> properties) {
        this.hostUuid = hostUuid;
        this.url = url;
        this.username = username;
        this.password = password;
        try {
            this.properties = JSON.writeValueAsString(properties == null ? Map.of() : properties);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("host properties are not serializable", e);
        }
    }

    /** @param host the host this connection reaches @return what its backend needs */
    public HostConnection toConnection(HostEntity host) {
        return new HostConnection(host.getUuid(), host.getClusterUuid(), host.getManagementIp(), url, username, password, propertyMap());
    }

    /** @return the backend-specific settings */
    public Map<String, String> propertyMap() {
        if (properties == null || properties.isEmpty()) {
            return Map.of();
        }
        try {
            return JSON.readValue(properties, new TypeReference<Map<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable properties of host " + hostUuid, e);
        }
    }

    public String getHostUuid() { return hostUuid; }
}
