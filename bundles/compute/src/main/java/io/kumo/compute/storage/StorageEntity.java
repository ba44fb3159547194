package io.kumo.compute.storage;

import javax.persistence.Id;
import javax.persistence.MappedSuperclass;
import java.sql.Timestamp;
import java.util.Map;

/**
 * The columns primary and backup storage share (each kind keeps its own table, attachments and extra columns).
 *
 * @param <I> the API view of the kind
 */
@MappedSuperclass
public abstract class StorageEntity<I> {
    @Id
    private String uuid;
    private String name;
    private String url;
    private String description;
    private String type;
    private String state;
    private String status;
    private long totalCapacity;
    private long availableCapacity;
    private Timestamp createDate;
    private Timestamp lastOpDate;

    /** @return the API view */
    public abstract I toInventory();

    /** @return the values of the backend's extra add parameters, given to it again on reconnect */
    public abstract Map<String, String> getProperties();
    /** @param v the values of the backend's extra add parameters */
    public abstract void setProperties(Map<String, String> v);

    public String getUuid() { return uuid; }
    public void setUuid(String uuid) { this.uuid = uuid; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getUrl() { return url; }
    public void setUrl(String url) { this.url = url; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public String getState() { return state; }
    public void setState(String state) { this.state = state; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public long getTotalCapacity() { return totalCapacity; }
    public void setTotalCapacity(long totalCapacity) { this.totalCapacity = totalCapacity; }
    public long getAvailableCapacity() { return availableCapacity; }
    public void setAvailableCapacity(long availableCapacity) { this.availableCapacity = availableCapacity; }
    public Timestamp getCreateDate() { return createDate; }
    public void setCreateDate(Timestamp createDate) { this.createDate = createDate; }
    public Timestamp getLastOpDate() { return lastOpDate; }
    public void setLastOpDate(Timestamp lastOpDate) { this.lastOpDate = lastOpDate; }
}
