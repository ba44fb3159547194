package io.kumo.core.zone;

import io.kumo.api.zone.ZoneInventory;

import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import java.sql.Timestamp;

/** A zone row; its attribute names are the query fields of {@code GET /zones}. */
@Entity
@Table(name = "ZoneVO")
public class ZoneEntity {
    @Id
    private String uuid;
    private String name;
    private String description;
    private String state;
    private String type;
    private boolean isDefault;
    private Timestamp createDate;
    private Timestamp lastOpDate;

    /** @return every column, dates as epoch millis: what a job keeps to restore the row exactly */
    public java.util.Map<String, Object> snapshot() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("uuid", uuid);
        m.put("name", name);
        m.put("description", description);
        m.put("state", state);
        m.put("type", type);
        m.put("isDefault", isDefault);
        m.put("createDate", createDate.getTime());
        m.put("lastOpDate", lastOpDate.getTime());
        return m;
    }

    /** @param m a {@link #snapshot()} (possibly read back from JSON) @return the row it describes */
    public static ZoneEntity fromSnapshot(java.util.Map<?, ?> m) {
        ZoneEntity z = new ZoneEntity();
        z.setUuid((String) m.get("uuid"));
        z.setName((String) m.get("name"));
        z.setDescription((String) m.get("description"));
        z.setState((String) m.get("state"));
        z.setType((String) m.get("type"));
        z.setDefault(Boolean.TRUE.equals(m.get("isDefault")));
        z.setCreateDate(new Timestamp(((Number) m.get("createDate")).longValue()));
        z.setLastOpDate(new Timestamp(((Number) m.get("lastOpDate")).longValue()));
        return z;
    }

    /** @return the API view of this zone */
    public ZoneInventory toInventory() {
        return new ZoneInventory(uuid, name, description, state, type, isDefault, createDate, lastOpDate);
    }

    public String getUuid() { return uuid; }
    public void setUuid(String uuid) { this.uuid = uuid; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getState() { return state; }
    public void setState(String state) { this.state = state; }
    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public boolean isDefault() { return isDefault; }
    public void setDefault(boolean isDefault) { this.isDefault = isDefault; }
    public Timestamp getCreateDate() { return createDate; }
    public void setCreateDate(Timestamp createDate) { this.createDate = createDate; }
    public Timestamp getLastOpDate() { return lastOpDate; }
    public void setLastOpDate(Timestamp lastOpDate) { this.lastOpDate = lastOpDate; }
}
