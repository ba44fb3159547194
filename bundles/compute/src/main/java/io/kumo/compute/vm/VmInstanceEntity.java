package io.kumo.compute.vm;

import io.kumo.api.vm.VmInstanceInventory;
import io.kumo.compute.volume.VolumeEntity;

import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.OneToMany;
import javax.persistence.OrderBy;
import javax.persistence.Table;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/**
 * A VM row; its attribute names are the query fields of {@code GET /vm-instances}, and its NICs and volumes are
 * followed by joins ({@code vmNics.ip=10.0.0.5}, {@code allVolumes.primaryStorageUuid=...}). Both collections are
 * read-only here (NICs and volumes are written through their own rows) and read for a whole page at once by the query service.
 */
@Entity
@Table(name = "VmInstanceVO")
public class VmInstanceEntity {
    @Id
    private String uuid;
    private String name;
    private String description;
    private String zoneUuid;
    private String clusterUuid;
    private String hostUuid;
    private String lastHostUuid;
    private String imageUuid;
    private String instanceOfferingUuid;
    private String rootVolumeUuid;
    private String defaultL3NetworkUuid;
    private String platform;
    private String type;
    private String hypervisorType;
    private int cpuNum;
    private long cpuSpeed;
    private long memorySize;
    private String allocatorStrategy;
    private String architecture;
    private String state;
    private Timestamp createDate;
    private Timestamp lastOpDate;

    @OneToMany(fetch = FetchType.LAZY)
    @JoinColumn(name = "vmInstanceUuid", referencedColumnName = "uuid", insertable = false, updatable = false)
    @OrderBy("deviceId ASC")
    private List<VmNicEntity> vmNics = new ArrayList<>();

    @OneToMany(fetch = FetchType.LAZY)
    @JoinColumn(name = "vmInstanceUuid", referencedColumnName = "uuid", insertable = false, updatable = false)
    @OrderBy("deviceId ASC")
    private List<VolumeEntity> allVolumes = new ArrayList<>();

    /** @return the API view of this VM, with its NICs and volumes */
    public VmInstanceInventory toInventory() {
        return new VmInstanceInventory(uuid, name, description, zoneUuid, clusterUuid, hostUuid, lastHostUuid, imageUuid,
                instanceOfferingUuid, rootVolumeUuid, defaultL3NetworkUuid, platform, type, hypervisorType, cpuNum,
                cpuSpeed, memorySize, allocatorStrategy, architecture, state,
                vmNics.stream().map(VmNicEntity::toInventory).toList(),
                allVolumes.stream().map(VolumeEntity::toInventory).toList(), createDate, lastOpDate);
    }

    public String getUuid() { return uuid; }
    public void setUuid(String uuid) { this.uuid = uuid; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getZoneUuid() { return zoneUuid; }
    public void setZoneUuid(String zoneUuid) { this.zoneUuid = zoneUuid; }
    public String getClusterUuid() { return clusterUuid; }
    public void setClusterUuid(String clusterUuid) { this.clusterUuid = clusterUuid; }
    public String getHostUuid() { return hostUuid; }
    public void setHostUuid(String hostUuid) { this.hostUuid = hostUuid; }
    public String getLastHostUuid() { return lastHostUuid; }
    public void setLastHostUuid(String lastHostUuid) { this.lastHostUuid = lastHostUuid; }
    public String getImageUuid() { return imageUuid; }
    public void setImageUuid(String imageUuid) { this.imageUuid = imageUuid; }
    public String getInstanceOfferingUuid() { return instanceOfferingUuid; }
    public void setInstanceOfferingUuid(String instanceOfferingUuid) { this.instanceOfferingUuid = instanceOfferingUuid; }
    public String getRootVolumeUuid() { return rootVolumeUuid; }
    public void setRootVolumeUuid(String rootVolumeUuid) { this.rootVolumeUuid = rootVolumeUuid; }
    public String getDefaultL3NetworkUuid() { return defaultL3NetworkUuid; }
    public void setDefaultL3NetworkUuid(String defaultL3NetworkUuid) { this.defaultL3NetworkUuid = defaultL3NetworkUuid; }
    public String getPlatform() { return platform; }
    public void setPlatform(String platform) { this.platform = platform; }
    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public String getHypervisorType() { return hypervisorType; }
    public void setHypervisorType(String hypervisorType) { this.hypervisorType = hypervisorType; }
    public int getCpuNum() { return cpuNum; }
    public void setCpuNum(int cpuNum) { this.cpuNum = cpuNum; }
    public long getCpuSpeed() { return cpuSpeed; }
    public void setCpuSpeed(long cpuSpeed) { this.cpuSpeed = cpuSpeed; }
    public long getMemorySize() { return memorySize; }
    public void setMemorySize(long memorySize) { this.memorySize = memorySize; }
    public String getAllocatorStrategy() { return allocatorStrategy; }
    public void setAllocatorStrategy(String allocatorStrategy) { this.allocatorStrategy = allocatorStrategy; }
    public String getArchitecture() { return architecture; }
    public void setArchitecture(String architecture) { this.architecture = architecture; }
    public String getState() { return state; }
    public void setState(String state) { this.state = state; }
    public Timestamp getCreateDate() { return createDate; }
    public void setCreateDate(Timestamp createDate) { this.createDate = createDate; }
    public Timestamp getLastOpDate() { return lastOpDate; }
    public void setLastOpDate(Timestamp lastOpDate) { this.lastOpDate = lastOpDate; }
    public List<VmNicEntity> getVmNics() { return vmNics; }
    public List<VolumeEntity> getAllVolumes() { return allVolumes; }
}
