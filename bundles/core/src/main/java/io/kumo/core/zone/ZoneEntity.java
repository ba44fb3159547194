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
