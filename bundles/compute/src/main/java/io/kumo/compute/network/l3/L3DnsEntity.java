package io.kumo.compute.network.l3;

import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import java.sql.Timestamp;

/** A DNS server of an L3 network. */
@Entity
@Table(name = "L3NetworkDnsVO")
public class L3DnsEntity {
    @Id
    private String uuid;
    private String l3NetworkUuid;
    private String dns;
    private Timestamp createDate;

    public String getUuid() { return uuid; }
    public void setUuid(String uuid) { this.uuid = uuid; }
    public String getL3NetworkUuid() { return l3NetworkUuid; }
    public void setL3NetworkUuid(String l3NetworkUuid) { this.l3NetworkUuid = l3NetworkUuid; }
    public String getDns() { return dns; }
    public void setDns(String dns) { this.dns = dns; }
    public Timestamp getCreateDate() { return createDate; }
    public void setCreateDate(Timestamp createDate) { this.createDate = createDate; }
}
