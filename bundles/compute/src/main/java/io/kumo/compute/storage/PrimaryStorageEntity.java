package io.kumo.compute.storage;

import io.kumo.api.storage.PrimaryStorageInventory;

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

/** A primary storage row; its attribute names are the query fields of {@code GET /primary-storage}. */
@Entity
@Table(name = "PrimaryStorageVO")
public class PrimaryStorageEntity {
    @Id
    private String uuid;
    private String zoneUuid;
    private String name;
    private String url;
    private String description;
    private String type;
    private String state;
    private String status;
    private long totalCapacity;
    private long availableCapacity;
    private long totalPhysicalCapacity;
    private long availablePhysicalCapacity;
    private long systemUsedCapacity;
    private String mountPath;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "PrimaryStorageClusterRefVO", joinColumns = @JoinColumn(name = "primaryStorageUuid"))
    @Column(name = "clusterUuid")
    private List<String> attachedClusterUuids = new ArrayList<>();
    /** The values of the backend's extra add parameters, given to it again on reconnect. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "PrimaryStoragePropertyVO", joinColumns = @JoinColumn(name = "primaryStorageUuid"))
    @MapKeyColumn(name = "propertyName")
    @Column(name = "propertyValue")
    private Map<String, String> properties = new HashMap<>();
    private Timestamp createDate;
    private Timestamp lastOpDate;

    /** @return the API view */
    public PrimaryStorageInventory toInventory() {
        return new PrimaryStorageInventory(uuid, zoneUuid, name, url, description, type, state, status, totalCapacity,
                availableCapacity, totalPhysicalCapacity, availablePhysicalCapacity, systemUsedCapacity, mountPath,
                List.copyOf(attachedClusterUuids), createDate, lastOpDate);
    }

    public String getUuid() { return uuid; }
    public void setUuid(String uuid) { this.uuid = uuid; }
    public String getZoneUuid() { return zoneUuid; }
    public void setZoneUuid(String zoneUuid) { this.zoneUuid = zoneUuid; }
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
    public long getTotalPhysicalCapacity() { return totalPhysicalCapacity; }
    public void setTotalPhysicalCapacity(long v) { this.totalPhysicalCapacity = v; }
    public long getAvailablePhysicalCapacity() { return availablePhysicalCapacity; }
    public void setAvailablePhysicalCapacity(long v) { this.availablePhysicalCapacity = v; }
    public long getSystemUsedCapacity() { return systemUsedCapacity; }
    public void setSystemUsedCapacity(long systemUsedCapacity) { this.systemUsedCapacity = systemUsedCapacity; }
    public String getMountPath() { return mountPath; }
    public void setMountPath(String mountPath) { this.mountPath = mountPath; }
    public List<String> getAttachedClusterUuids() { return attachedClusterUuids; }
    public void setAttachedClusterUuids(List<String> v) { this.attachedClusterUuids = new ArrayList<>(v); }
    public Map<String, String> getProperties() { return properties; }
    public void setProperties(Map<String, String> v) { this.properties = new HashMap<>(v); }
    public Timestamp getCreateDate() { return createDate; }
    public void setCreateDate(Timestamp createDate) { this.createDate = createDate; }
    public Timestamp getLastOpDate() { return lastOpDate; }
    public void setLastOpDate(Timestamp lastOpDate) { this.lastOpDate = lastOpDate; }
}
