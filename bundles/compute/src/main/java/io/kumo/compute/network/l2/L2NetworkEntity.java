package io.kumo.compute.network.l2;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.kumo.api.network.L2NetworkInventory;

import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.OneToMany;
import javax.persistence.Table;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/**
 * An L2 network row of any type (no-VLAN, VLAN, VXLAN pool, VXLAN); its attribute names are the query fields of
 * {@code GET /l2-networks}.
 */
@Entity
@Table(name = "L2NetworkVO")
public class L2NetworkEntity {
    /** The types of L2 networks. */
    public static final String NO_VLAN = "L2NoVlanNetwork";
    public static final String VLAN = "L2VlanNetwork";
    public static final String VXLAN_POOL = "VxlanNetworkPool";
    public static final String VXLAN = "VxlanNetwork";

    @Id
    private String uuid;
    private String name;
    private String description;
    private String zoneUuid;
    private String physicalInterface;
    private String type;
    private Integer vlan;
    private Integer vni;
    private String poolUuid;
    private Timestamp createDate;
    private Timestamp lastOpDate;
    /** The cluster attachments, for queries such as {@code attachedClusterRefs.clusterUuid=}. */
    @JsonIgnore
    @OneToMany(fetch = FetchType.EAGER)
    @JoinColumn(name = "l2NetworkUuid", referencedColumnName = "uuid", insertable = false, updatable = false)
    private List<L2ClusterRefEntity> attachedClusterRefs = new ArrayList<>();

    /** @param clusters the clusters reaching it (its pool's for a VXLAN network) @return the API view */
    public L2NetworkInventory toInventory(List<String> clusters) {
        return new L2NetworkInventory(uuid, name, description, zoneUuid, physicalInterface, type, vlan, vni, poolUuid,
                clusters, createDate, lastOpDate);
    }

    /** @return the clusters this network itself is attached to */
    public List<String> attachedClusterUuids() {
        return attachedClusterRefs.stream().map(L2ClusterRefEntity::getClusterUuid).sorted().toList();
    }

    /** @return a description for messages, e.g. {@code L2 network "l2" (uuid)} */
    public String describe() { return "L2 network \"" + name + "\" (" + uuid + ")"; }

    public String getUuid() { return uuid; }
    public void setUuid(String uuid) { this.uuid = uuid; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getZoneUuid() { return zoneUuid; }
    public void setZoneUuid(String zoneUuid) { this.zoneUuid = zoneUuid; }
    public String getPhysicalInterface() { return physicalInterface; }
    public void setPhysicalInterface(String physicalInterface) { this.physicalInterface = physicalInterface; }
    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public Integer getVlan() { return vlan; }
    public void setVlan(Integer vlan) { this.vlan = vlan; }
    public Integer getVni() { return vni; }
    public void setVni(Integer vni) { this.vni = vni; }
    public String getPoolUuid() { return poolUuid; }
    public void setPoolUuid(String poolUuid) { this.poolUuid = poolUuid; }
    public Timestamp getCreateDate() { return createDate; }
    public void setCreateDate(Timestamp createDate) { this.createDate = createDate; }
    public Timestamp getLastOpDate() { return lastOpDate; }
    public void setLastOpDate(Timestamp lastOpDate) { this.lastOpDate = lastOpDate; }
}
