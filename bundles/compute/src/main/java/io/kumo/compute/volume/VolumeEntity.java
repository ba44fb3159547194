package io.kumo.compute.volume;

import io.kumo.api.vm.VolumeInventory;

import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import java.sql.Timestamp;

/** A volume row; its attribute names are the query fields of {@code GET /volumes}. */
@Entity
@Table(name = "VolumeVO")
public class VolumeEntity {
    /** The type of a VM's boot volume. */
    public static final String ROOT = "Root";
    /** The type of an extra volume. */
    public static final String DATA = "Data";

    @Id
    private String uuid;
    private String name;
    private String description;
    private String primaryStorageUuid;
    private String vmInstanceUuid;
    private String diskOfferingUuid;
    private String rootImageUuid;
    private String installPath;
    private String type;
    private String format;
    private long size;
    private long actualSize;
    private Integer deviceId;
    private String state;
    private String status;
    private boolean isShareable;
    private Timestamp createDate;
    private Timestamp lastOpDate;

    /** @return the API view of this volume */
    public VolumeInventory toInventory() {
        return new VolumeInventory(uuid, name, description, primaryStorageUuid, vmInstanceUuid, diskOfferingUuid,
                rootImageUuid, installPath, type, format, size, actualSize, deviceId, state, status, isShareable,
                createDate, lastOpDate);
    }

    public String getUuid() { return uuid; }
    public void setUuid(String uuid) { this.uuid = uuid; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getPrimaryStorageUuid() { return primaryStorageUuid; }
    public void setPrimaryStorageUuid(String primaryStorageUuid) { this.primaryStorageUuid = primaryStorageUuid; }
    public String getVmInstanceUuid() { return vmInstanceUuid; }
    public void setVmInstanceUuid(String vmInstanceUuid) { this.vmInstanceUuid = vmInstanceUuid; }
    public String getDiskOfferingUuid() { return diskOfferingUuid; }
    public void setDiskOfferingUuid(String diskOfferingUuid) { this.diskOfferingUuid = diskOfferingUuid; }
    public String getRootImageUuid() { return rootImageUuid; }
    public void setRootImageUuid(String rootImageUuid) { this.rootImageUuid = rootImageUuid; }
    public String getInstallPath() { return installPath; }
    public void setInstallPath(String installPath) { this.installPath = installPath; }
    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public String getFormat() { return format; }
    public void setFormat(String format) { this.format = format; }
    public long getSize() { return size; }
    public void setSize(long size) { this.size = size; }
    public long getActualSize() { return actualSize; }
    public void setActualSize(long actualSize) { this.actualSize = actualSize; }
    public Integer getDeviceId() { return deviceId; }
    public void setDeviceId(Integer deviceId) { this.deviceId = deviceId; }
    public String getState() { return state; }
    public void setState(String state) { this.state = state; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public boolean isShareable() { return isShareable; }
    public void setShareable(boolean shareable) { this.isShareable = shareable; }
    public Timestamp getCreateDate() { return createDate; }
    public void setCreateDate(Timestamp createDate) { this.createDate = createDate; }
    public Timestamp getLastOpDate() { return lastOpDate; }
    public void setLastOpDate(Timestamp lastOpDate) { this.lastOpDate = lastOpDate; }
}
