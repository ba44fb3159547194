package io.kumo.compute.cluster;

import io.kumo.api.cluster.ClusterInventory;

import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.Map;

/** A cluster row; its attribute names are the query fields of {@code GET /clusters}. */
@Entity
@Table(name = "ClusterVO")
public class ClusterEntity {
    @Id
    private String uuid;
    private String name;
    private String description;
    private String state;
    private String hypervisorType;
    private String type;
    private String zoneUuid;
    private String architecture;
    private Timestamp createDate;
    private Timestamp lastOpDate;

    /** @return every column, dates as epoch millis: what a job keeps to restore the row exactly */
    public Map<String, Object> snapshot() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("uuid", uuid);
        m.put("name", name);
        m.put("description", description);
        m.put("state", state);
        m.put("hypervisorType", hypervisorType);
        m.put("type", type);
        m.put("zoneUuid", zoneUuid);
        m.put("architecture", architecture);
        m.put("createDate", createDate.getTime());
        m.put("lastOpDate", lastOpDate.getTime());
        return m;
    }

    /** @param m a {@link #snapshot()} (possibly read back from JSON) @return the row it describes */
    public static ClusterEntity fromSnapshot(Map<?, ?> m) {
        ClusterEntity c = new ClusterEntity();
        c.setUuid((String) m.get("uuid"));
        c.setName((String) m.get("name"));
        c.setDescription((String) m.get("description"));
        c.setState((String) m.get("state"));
        c.setHypervisorType((String) m.get("hypervisorType"));
        c.setType((String) m.get("type"));
        c.setZoneUuid((String) m.get("zoneUuid"));
        c.setArchitecture((String) m.get("architecture"));
        c.setCreateDate(new Timestamp(((Number) m.get("createDate")).longValue()));
        c.setLastOpDate(new Timestamp(((Number) m.get("lastOpDate")).longValue()));
        return c;
    }

    /** @return the API view of this cluster */
    public ClusterInventory toInventory() {
        return new ClusterInventory(uuid, name, description, state, hypervisorType, type, zoneUuid, architecture,
                createDate, lastOpDate);
    }

    public String getUuid() { return uuid; }
    public void setUuid(String uuid) { this.uuid = uuid; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getState() { return state; }
    public void setState(String state) { this.state = state; }
    public String getHypervisorType() { return hypervisorType; }
    public void setHypervisorType(String hypervisorType) { this.hypervisorType = hypervisorType; }
    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public String getZoneUuid() { return zoneUuid; }
    public void setZoneUuid(String zoneUuid) { this.zoneUuid = zoneUuid; }
    public String getArchitecture() { return architecture; }
    public void setArchitecture(String architecture) { this.architecture = architecture; }
    public Timestamp getCreateDate() { return createDate; }
    public void setCreateDate(Timestamp createDate) { this.createDate = createDate; }
    public Timestamp getLastOpDate() { return lastOpDate; }
    public void setLastOpDate(Timestamp lastOpDate) { this.lastOpDate = lastOpDate; }
}
