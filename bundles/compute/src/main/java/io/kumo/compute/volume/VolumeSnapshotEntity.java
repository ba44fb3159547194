package io.kumo.compute.volume;

import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import java.sql.Timestamp;

/** A volume snapshot row; its attribute names are the query fields of {@code GET /volume-snapshots}. */
@Entity
@Table(name = "VolumeSnapshotVO")
public class VolumeSnapshotEntity {
    @Id
    private String uuid;
    private String name;
    private String description;
    private String type;
    private String volumeUuid;
    private String treeUuid;
    private String parentUuid;
    private String primaryStorageUuid;
    private String primaryStorageInstallPath;
    private String volumeType;
    private String format;
    private boolean latest;
    private long size;
    private String state;
    private String status;
    private Timestamp createDate;
    private Timestamp lastOpDate;

    /** @return the API view of this snapshot */
    public VolumeSnapshotInventory toInventory() {
        return new VolumeSnapshotInventory(uuid, name, description, type, volumeUuid, treeUuid, parentUuid,
                primaryStorageUuid, primaryStorageInstallPath, volumeType, format, latest, size, state, status,
                createDate, lastOpDate);
    }

    public String getUuid() { return uuid; }
    public void setUuid(String uuid) { this.uuid = uuid; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public String getVolumeUuid() { return volumeUuid; }
    public void setVolumeUuid(String volumeUuid) { this.volumeUuid = volumeUuid; }
    public String getTreeUuid() { return treeUuid; }
    public void setTreeUuid(String treeUuid) { this.treeUuid = treeUuid; }
    public String getParentUuid() { return parentUuid; }
    public void setParentUuid(String parentUuid) { this.parentUuid = parentUuid; }
    public String getPrimaryStorageUuid() { return primaryStorageUuid; }
    public void setPrimaryStorageUuid(String primaryStorageUuid) { this.primaryStorageUuid = primaryStorageUuid; }
    public String getPrimaryStorageInstallPath() { return primaryStorageInstallPath; }
    public void setPrimaryStorageInstallPath(String p) { this.primaryStorageInstallPath = p; }
    public String getVolumeType() { return volumeType; }
    public void setVolumeType(String volumeType) { this.volumeType = volumeType; }
    public String getFormat() { return format; }
    public void setFormat(String format) { this.format = format; }
    public boolean isLatest() { return latest; }
    public void setLatest(boolean latest) { this.latest = latest; }
    public long getSize() { return size; }
    public void setSize(long size) { this.size = size; }
    public String getState() { return state; }
    public void setState(String state) { this.state = state; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public Timestamp getCreateDate() { return createDate; }
    public void setCreateDate(Timestamp createDate) { this.createDate = createDate; }
    public Timestamp getLastOpDate() { return lastOpDate; }
    public void setLastOpDate(Timestamp lastOpDate) { this.lastOpDate = lastOpDate; }
}
