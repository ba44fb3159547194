package io.kumo.compute.network.l2;

import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import java.sql.Timestamp;

/** An attachment of an L2 network to a cluster: the cluster's hosts reach the network. */
@Entity
@Table(name = "L2NetworkClusterRefVO")
public class L2ClusterRefEntity {
    @Id
    private String uuid;
    private String l2NetworkUuid;
    private String clusterUuid;
    private Timestamp createDate;

    public String getUuid() { return uuid; }
    public void setUuid(String uuid) { this.uuid = uuid; }
    public String getL2NetworkUuid() { return l2NetworkUuid; }
    public void setL2NetworkUuid(String l2NetworkUuid) { this.l2NetworkUuid = l2NetworkUuid; }
    public String getClusterUuid() { return clusterUuid; }
    public void setClusterUuid(String clusterUuid) { this.clusterUuid = clusterUuid; }
    public Timestamp getCreateDate() { return createDate; }
    public void setCreateDate(Timestamp createDate) { this.createDate = createDate; }
}
