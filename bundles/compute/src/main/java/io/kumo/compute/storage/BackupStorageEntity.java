package io.kumo.compute.storage;

import io.kumo.api.storage.BackupStorageInventory;

import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.ElementCollection;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.MapKeyColumn;
import javax.persistence.Table;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A backup storage row; its attribute names are the query fields of {@code GET /backup-storage}. */
@Entity
@Table(name = "BackupStorageVO")
public class BackupStorageEntity {
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
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "BackupStorageZoneRefVO", joinColumns = @JoinColumn(name = "backupStorageUuid"))
    @Column(name = "zoneUuid")
    private List<String> attachedZoneUuids = new ArrayList<>();
    /** The values of the backend's extra add parameters, given to it again on reconnect. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "BackupStoragePropertyVO", joinColumns = @JoinColumn(name = "backupStorageUuid"))
    @MapKeyColumn(name = "propertyName")
    @Column(name = "propertyValue")
    private Map<String, String> properties = new HashMap<>();
    private Timestamp createDate;
    private Timestamp lastOpDate;

    /** @return the API view */
    public BackupStorageInventory toInventory() {
        return new BackupStorageInventory(uuid, name, url, description, type, state, status, totalCapacity,
                availableCapacity, List.copyOf(attachedZoneUuids), createDate, lastOpDate);
    }

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
    public List<String> getAttachedZoneUuids() { return attachedZoneUuids; }
    public void setAttachedZoneUuids(List<String> v) { this.attachedZoneUuids = new ArrayList<>(v); }
    public Map<String, String> getProperties() { return properties; }
    public void setProperties(Map<String, String> v) { this.properties = new HashMap<>(v); }
    public Timestamp getCreateDate() { return createDate; }
    public void setCreateDate(Timestamp createDate) { this.createDate = createDate; }
    public Timestamp getLastOpDate() { return lastOpDate; }
    public void setLastOpDate(Timestamp lastOpDate) { this.lastOpDate = lastOpDate; }
}
