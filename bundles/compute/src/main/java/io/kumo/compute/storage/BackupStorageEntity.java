package io.kumo.compute.storage;

import io.kumo.api.storage.BackupStorageInventory;

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

/** A backup storage row; its attribute names are the query fields of {@code GET /backup-storage}. */
@Entity
@Table(name = "BackupStorageVO")
public class BackupStorageEntity extends StorageEntity<BackupStorageInventory> {
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

    @Override
    public BackupStorageInventory toInventory() {
        return new BackupStorageInventory(getUuid(), getName(), getUrl(), getDescription(), getType(), getState(), getStatus(),
                getTotalCapacity(), getAvailableCapacity(), List.copyOf(attachedZoneUuids), getCreateDate(), getLastOpDate());
    }

    public List<String> getAttachedZoneUuids() { return attachedZoneUuids; }
    public void setAttachedZoneUuids(List<String> v) { this.attachedZoneUuids = new ArrayList<>(v); }
    @Override public Map<String, String> getProperties() { return properties; }
    @Override public void setProperties(Map<String, String> v) { this.properties = new HashMap<>(v); }
}
