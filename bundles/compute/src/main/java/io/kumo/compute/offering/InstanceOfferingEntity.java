package io.kumo.compute.offering;

import io.kumo.api.offering.InstanceOfferingInventory;

import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import java.sql.Timestamp;

/** An instance offering row; its attribute names are the query fields of {@code GET /instance-offerings}. */
@Entity
@Table(name = "InstanceOfferingVO")
public class InstanceOfferingEntity implements OfferingEntity {
    @Id
    private String uuid;
    private String name;
    private String description;
    private int cpuNum;
    private long cpuSpeed;
    private long memorySize;
    private String type;
    private String allocatorStrategy;
    private int sortKey;
    private String state;
    private Timestamp createDate;
    private Timestamp lastOpDate;

    @Override
    public InstanceOfferingInventory toInventory() {
        return new InstanceOfferingInventory(uuid, name, description, cpuNum, cpuSpeed, memorySize, type,
                allocatorStrategy, sortKey, state, createDate, lastOpDate);
    }

    @Override public String getUuid() { return uuid; }
    public void setUuid(String uuid) { this.uuid = uuid; }
    @Override public String getName() { return name; }
    @Override public void setName(String name) { this.name = name; }
    @Override public String getDescription() { return description; }
    @Override public void setDescription(String description) { this.description = description; }
    public int getCpuNum() { return cpuNum; }
    public void setCpuNum(int cpuNum) { this.cpuNum = cpuNum; }
    public long getCpuSpeed() { return cpuSpeed; }
    public void setCpuSpeed(long cpuSpeed) { this.cpuSpeed = cpuSpeed; }
    public long getMemorySize() { return memorySize; }
    public void setMemorySize(long memorySize) { this.memorySize = memorySize; }
    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public String getAllocatorStrategy() { return allocatorStrategy; }
    public void setAllocatorStrategy(String allocatorStrategy) { this.allocatorStrategy = allocatorStrategy; }
    @Override public int getSortKey() { return sortKey; }
    @Override public void setSortKey(int sortKey) { this.sortKey = sortKey; }
    @Override public String getState() { return state; }
    @Override public void setState(String state) { this.state = state; }
    public Timestamp getCreateDate() { return createDate; }
    public void setCreateDate(Timestamp createDate) { this.createDate = createDate; }
    public Timestamp getLastOpDate() { return lastOpDate; }
    @Override public void setLastOpDate(Timestamp lastOpDate) { this.lastOpDate = lastOpDate; }
}
