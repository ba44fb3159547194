package io.kumo.api.hypervisor;

import java.util.Map;

/**
 * What a hypervisor backend needs to reach a host.
 *
 * @param hostUuid     the host uuid
 * @param clusterUuid  its cluster
 * @param managementIp the address of the host
 * @param url          a backend-specific address, e.g. a libvirt URI, or null
 * @param username     a login, or null
 * @param password     a secret, or null; never log it
 * @param properties   backend-specific settings given when the host was added (e.g. simulated capacity)
 */
public record HostConnection(String hostUuid, String clusterUuid, String managementIp, String url, String username,
                             String password, Map<String, String> properties) {
    /** Canonical constructor: copies the properties. */
    public HostConnection {
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }

    /** Hides the password. */
    @Override
    public String toString() {
        return "HostConnection[" + hostUuid + " at " + managementIp + (url == null ? "" : " " + url) + "]";
    }
}
