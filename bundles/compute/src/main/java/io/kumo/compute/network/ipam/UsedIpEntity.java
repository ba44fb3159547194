package io.kumo.compute.network.ipam;

import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import java.sql.Timestamp;

/** An address taken from an L3 network; the database keeps (l3NetworkUuid, ip) unique. */
@Entity
@Table(name = "UsedIpVO")
public class UsedIpEntity {
    @Id
    private String uuid;
    private String l3NetworkUuid;
    private String ipRangeUuid;
    private String ip;
    private long ipInLong;
    private String netmask;
    private String gateway;
    private int ipVersion;
    private String ownerUuid;
    private Timestamp createDate;

    public String getUuid() { return uuid; }
    public void setUuid(String uuid) { this.uuid = uuid; }
    public String getL3NetworkUuid() { return l3NetworkUuid; }
    public void setL3NetworkUuid(String l3NetworkUuid) { this.l3NetworkUuid = l3NetworkUuid; }
    public String getIpRangeUuid() { return ipRangeUuid; }
    public void setIpRangeUuid(String ipRangeUuid) { this.ipRangeUuid = ipRangeUuid; }
    public String getIp() { return ip; }
    public void setIp(String ip) { this.ip = ip; }
    public long getIpInLong() { return ipInLong; }
    public void setIpInLong(long ipInLong) { this.ipInLong = ipInLong; }
    public String getNetmask() { return netmask; }
    public void setNetmask(String netmask) { this.netmask = netmask; }
    public String getGateway() { return gateway; }
    public void setGateway(String gateway) { this.gateway = gateway; }
    public int getIpVersion() { return ipVersion; }
    public void setIpVersion(int ipVersion) { this.ipVersion = ipVersion; }
    public String getOwnerUuid() { return ownerUuid; }
    public void setOwnerUuid(String ownerUuid) { this.ownerUuid = ownerUuid; }
    public Timestamp getCreateDate() { return createDate; }
    public void setCreateDate(Timestamp createDate) { this.createDate = createDate; }
}
