package io.kumo.compute.network.l3;

import io.kumo.api.network.ReservedIpRangeInventory;
import io.kumo.compute.network.ipam.Ipv4;

import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import java.sql.Timestamp;

/** Addresses of an L3 network never handed out. */
@Entity
@Table(name = "ReservedIpRangeVO")
public class ReservedIpRangeEntity {
    @Id
    private String uuid;
    private String l3NetworkUuid;
    private String name;
    private String description;
    private String startIp;
    private String endIp;
    private int ipVersion;
    private Timestamp createDate;
    private Timestamp lastOpDate;

    /** @return the API view */
    public ReservedIpRangeInventory toInventory() {
        return new ReservedIpRangeInventory(uuid, l3NetworkUuid, name, description, startIp, endIp, ipVersion, createDate, lastOpDate);
    }

    /** @return the first address as a number */
    public long start() { return Ipv4.parse(startIp, "startIp"); }

    /** @return the last address as a number */
    public long end() { return Ipv4.parse(endIp, "endIp"); }

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
    public int getIpVersion() { return ipVersion; }
    public void setIpVersion(int ipVersion) { this.ipVersion = ipVersion; }
    public Timestamp getCreateDate() { return createDate; }
    public void setCreateDate(Timestamp createDate) { this.createDate = createDate; }
    public Timestamp getLastOpDate() { return lastOpDate; }
    public void setLastOpDate(Timestamp lastOpDate) { this.lastOpDate = lastOpDate; }
}
