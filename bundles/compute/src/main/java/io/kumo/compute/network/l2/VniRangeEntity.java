package io.kumo.compute.network.l2;

import io.kumo.api.network.VniRangeInventory;

import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import java.sql.Timestamp;

/** A VNI range of a VXLAN network pool; attribute names are the query fields of {@code GET /l2-networks/vxlan-pool/vni-range}. */
@Entity
@Table(name = "VniRangeVO")
public class VniRangeEntity {
    @Id
    private String uuid;
    private String name;
    private String description;
    private String l2NetworkUuid;
    private int startVni;
    private int endVni;
    private Timestamp createDate;
    private Timestamp lastOpDate;

    /** @return the API view */
    public VniRangeInventory toInventory() {
        return new VniRangeInventory(uuid, name, description, l2NetworkUuid, startVni, endVni, createDate, lastOpDate);
    }

    public String getUuid() { return uuid; }
    public void setUuid(String uuid) { this.uuid = uuid; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getL2NetworkUuid() { return l2NetworkUuid; }
    public void setL2NetworkUuid(String l2NetworkUuid) { this.l2NetworkUuid = l2NetworkUuid; }
    public int getStartVni() { return startVni; }
    public void setStartVni(int startVni) { this.startVni = startVni; }
    public int getEndVni() { return endVni; }
    public void setEndVni(int endVni) { this.endVni = endVni; }
    public Timestamp getCreateDate() { return createDate; }
    public void setCreateDate(Timestamp createDate) { this.createDate = createDate; }
    public Timestamp getLastOpDate() { return lastOpDate; }
    public void setLastOpDate(Timestamp lastOpDate) { this.lastOpDate = lastOpDate; }
}
