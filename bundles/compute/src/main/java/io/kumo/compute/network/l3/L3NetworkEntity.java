package io.kumo.compute.network.l3;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.kumo.api.network.L3NetworkInventory;

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

/** An L3 network row; its attribute names (and {@code ipRanges.*}, {@code dns.*}) are the query fields of {@code GET /l3-networks}. */
@Entity
@Table(name = "L3NetworkVO")
public class L3NetworkEntity {
    /** The only L3 network type: a flat L3 network with IP ranges on one L2 network. */
    public static final String BASIC = "L3BasicNetwork";

    @Id
    private String uuid;
    private String name;
    private String description;
    private String type;
    private String zoneUuid;
    private String l2NetworkUuid;
    private String state;
    private String dnsDomain;
    private boolean system;
    private String category;
    private int ipVersion;
    private int mtu;
    private Timestamp createDate;
    private Timestamp lastOpDate;
    @JsonIgnore
    @OneToMany(fetch = FetchType.EAGER)
    @JoinColumn(name = "l3NetworkUuid", referencedColumnName = "uuid", insertable = false, updatable = false)
    @OrderBy("createDate")
    private List<IpRangeEntity> ipRanges = new ArrayList<>();
    @JsonIgnore
    @OneToMany(fetch = FetchType.EAGER)
    @JoinColumn(name = "l3NetworkUuid", referencedColumnName = "uuid", insertable = false, updatable = false)
    @OrderBy("createDate")
    private List<L3DnsEntity> dns = new ArrayList<>();

    /** @return the API view, with its ranges and DNS servers */
    public L3NetworkInventory toInventory() {
        return new L3NetworkInventory(uuid, name, description, type, zoneUuid, l2NetworkUuid, state, dnsDomain, system,
                category, ipVersion, mtu, dns.stream().map(L3DnsEntity::getDns).toList(),
                ipRanges.stream().map(IpRangeEntity::toInventory).toList(), createDate, lastOpDate);
    }

    /** @return a description for messages */
    public String describe() { return "L3 network \"" + name + "\" (" + uuid + ")"; }

    /** @return its IP ranges */
    public List<IpRangeEntity> ipRanges() { return ipRanges; }

    /** @return its DNS rows */
    public List<L3DnsEntity> dnsRows() { return dns; }

    public String getUuid() { return uuid; }
    public void setUuid(String uuid) { this.uuid = uuid; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public String getZoneUuid() { return zoneUuid; }
    public void setZoneUuid(String zoneUuid) { this.zoneUuid = zoneUuid; }
    public String getL2NetworkUuid() { return l2NetworkUuid; }
    public void setL2NetworkUuid(String l2NetworkUuid) { this.l2NetworkUuid = l2NetworkUuid; }
    public String getState() { return state; }
    public void setState(String state) { this.state = state; }
    public String getDnsDomain() { return dnsDomain; }
    public void setDnsDomain(String dnsDomain) { this.dnsDomain = dnsDomain; }
    public boolean isSystem() { return system; }
    public void setSystem(boolean system) { this.system = system; }
    public String getCategory() { return category; }
    public void setCategory(String category) { this.category = category; }
    public int getIpVersion() { return ipVersion; }
    public void setIpVersion(int ipVersion) { this.ipVersion = ipVersion; }
    public int getMtu() { return mtu; }
    public void setMtu(int mtu) { this.mtu = mtu; }
    public Timestamp getCreateDate() { return createDate; }
    public void setCreateDate(Timestamp createDate) { this.createDate = createDate; }
    public Timestamp getLastOpDate() { return lastOpDate; }
    public void setLastOpDate(Timestamp lastOpDate) { this.lastOpDate = lastOpDate; }
}
