package io.kumo.compute.offering;

import io.kumo.api.offering.DiskOfferingInventory;

import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import java.sql.Timestamp;

/** A disk offering row; its attribute names are the query fields of {@code GET /disk-offerings}. */
@Entity
@Table(name = "DiskOfferingVO")
public class DiskOfferingEntity implements OfferingEntity {
    @Id
    private String uuid;
    private String name;
    private String description;
    private long diskSize;
    private int sortKey;
    private String state;
    private String type;
    private String allocatorStrategy;
    private Timestamp createDate;
    private Timestamp lastOpDate;

    @Override
    public DiskOfferingInventory toInventory() {
        return new DiskOfferingInventory(uuid, name, description, diskSize, sortKey, state, type, allocatorStrategy,
                createDate, lastOpDate);
    }

    @Override public String getUuid() { return uuid; }
    public void setUuid(String uuid) { this.uuid = uuid; }
    @Override public String getName() { return name; }
    @Override public void setName(String name) { this.name = name; }
    @Override public String getDescription() { return description; }
    @Override public void setDescription(String description) { this.description = description; }
    public long getDiskSize() { return diskSize; }
    public void setDiskSize(long diskSize) { this.diskSize = diskSize; }
    @Override public int getSortKey() { return sortKey; }
    @Override public void setSortKey(int sortKey) { this.sortKey = sortKey; }
    @Override public String getState() { return state; }
    @Override public void setState(String state) { this.state = state; }
    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public String getAllocatorStrategy() { return allocatorStrategy; }
    public void setAllocatorStrategy(String allocatorStrategy) { this.allocatorStrategy = allocatorStrategy; }
    public Timestamp getCreateDate() { return createDate; }
    public void setCreateDate(Timestamp createDate) { this.createDate = createDate; }
    public Timestamp getLastOpDate() { return lastOpDate; }
    @Override public void setLastOpDate(Timestamp lastOpDate) { this.lastOpDate = lastOpDate; }
}
