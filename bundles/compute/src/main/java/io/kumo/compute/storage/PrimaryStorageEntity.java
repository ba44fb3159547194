package io.kumo.compute.storage;

import io.kumo.api.storage.PrimaryStorageInventory;

import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.ElementCollection;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.JoinColumn;
import javax.persistence.MapKeyColumn;
import javax.persistence.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A primary storage row; its attribute names are the query fields of {@code GET /primary-storage}. */
@Entity
@Table(name = "PrimaryStorageVO")
public class PrimaryStorageEntity extends StorageEntity<PrimaryStorageInventory> {
    private String zoneUuid;
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

    @Override
    public PrimaryStorageInventory toInventory() {
        return new PrimaryStorageInventory(getUuid(), zoneUuid, getName(), getUrl(), getDescription(), getType(), getState(),
                getStatus(), getTotalCapacity(), getAvailableCapacity(), totalPhysicalCapacity, availablePhysicalCapacity,
                systemUsedCapacity, mountPath, List.copyOf(attachedClusterUuids), getCreateDate(), getLastOpDate());
    }

    public String getZoneUuid() { return zoneUuid; }
    public void setZoneUuid(String zoneUuid) { this.zoneUuid = zoneUuid; }
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
    @Override public Map<String, String> getProperties() { return properties; }
    @Override public void setProperties(Map<String, String> v) { this.properties = new HashMap<>(v); }
}
