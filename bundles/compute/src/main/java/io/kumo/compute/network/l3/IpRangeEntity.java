package io.kumo.compute.network.l3;

import io.kumo.api.network.IpRangeInventory;
import io.kumo.compute.network.ipam.Ipv4;

import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import java.sql.Timestamp;

/** An IP range row; its attribute names are the query fields of {@code GET /l3-networks/ip-ranges}. */
@Entity
@Table(name = "IpRangeVO")
public class IpRangeEntity {
    @Id
    private String uuid;
    private String l3NetworkUuid;
    private String name;
    private String description;
    private String startIp;
    private String endIp;
    private String netmask;
    private String gateway;
    private String networkCidr;
    private int ipVersion;
    private int prefixLen;
    private Timestamp createDate;
    private Timestamp lastOpDate;

    /** @return the API view */
    public IpRangeInventory toInventory() {
        return new IpRangeInventory(uuid, l3NetworkUuid, name, description, startIp, endIp, netmask, gateway,
                networkCidr, ipVersion, prefixLen, createDate, lastOpDate);
    }

    /** @return the first address as a number */
    public long start() { return Ipv4.parse(startIp, "startIp"); }

    /** @return the last address as a number */
    public long end() { return Ipv4.parse(endIp, "endIp"); }

    /** @return the gateway as a number */
    public long gatewayValue() { return Ipv4.parse(gateway, "gateway"); }

    /** @return a description for messages */
    public String describe() { return "IP range \"" + name + "\" (" + uuid + ", " + startIp + "-" + endIp + ")"; }

    public String getUuid() { return uuid; }
    public void setUuid(String uuid) { this.uuid = uuid; }
    public String getL3NetworkUuid() { return l3NetworkUuid; }
    public void setL3NetworkUuid(String l3NetworkUuid) { this.l3NetworkUuid = l3NetworkUuid; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getStartIp() { return startIp; }
    public void setStartIp(String startIp) { this.startIp = startIp; }
    public String getEndIp() { return endIp; }
    public void setEndIp(String endIp) { this.endIp = endIp; }
    public String getNetmask() { return netmask; }
    public void setNetmask(String netmask) { this.netmask = netmask; }
    public String getGateway() { return gateway; }
    public void setGateway(String gateway) { this.gateway = gateway; }
    public String getNetworkCidr() { return networkCidr; }
    public void setNetworkCidr(String networkCidr) { this.networkCidr = networkCidr; }
    public int getIpVersion() { return ipVersion; }
    public void setIpVersion(int ipVersion) { this.ipVersion = ipVersion; }
    public int getPrefixLen() { return prefixLen; }
    public void setPrefixLen(int prefixLen) { this.prefixLen = prefixLen; }
    public Timestamp getCreateDate() { return createDate; }
    public void setCreateDate(Timestamp createDate) { this.createDate = createDate; }
    public Timestamp getLastOpDate() { return lastOpDate; }
    public void setLastOpDate(Timestamp lastOpDate) { this.lastOpDate = lastOpDate; }
}
