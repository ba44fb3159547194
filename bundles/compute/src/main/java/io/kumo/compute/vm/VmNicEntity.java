package io.kumo.compute.vm;

import io.kumo.api.vm.VmNicInventory;

import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import java.sql.Timestamp;

/** A VM NIC row; its attribute names are the query fields of {@code GET /nics}. */
@Entity
@Table(name = "VmNicVO")
public class VmNicEntity {
    @Id
    private String uuid;
    private String vmInstanceUuid;
    private String l3NetworkUuid;
    /** The IP allocation of the network service, to release it. */
    private String usedIpUuid;
    private String ip;
    private String mac;
    private String netmask;
    private String gateway;
    private String hypervisorType;
    private int ipVersion;
    private int deviceId;
    private String internalName;
    private Timestamp createDate;
    private Timestamp lastOpDate;

    /** @return the API view of this NIC */
    public VmNicInventory toInventory() {
        return new VmNicInventory(uuid, vmInstanceUuid, l3NetworkUuid, ip, mac, netmask, gateway, hypervisorType,
                ipVersion, deviceId, internalName, createDate, lastOpDate);
    }

    public String getUuid() { return uuid; }
    public void setUuid(String uuid) { this.uuid = uuid; }
    public String getVmInstanceUuid() { return vmInstanceUuid; }
    public void setVmInstanceUuid(String vmInstanceUuid) { this.vmInstanceUuid = vmInstanceUuid; }
    public String getL3NetworkUuid() { return l3NetworkUuid; }
    public void setL3NetworkUuid(String l3NetworkUuid) { this.l3NetworkUuid = l3NetworkUuid; }
    public String getUsedIpUuid() { return usedIpUuid; }
    public void setUsedIpUuid(String usedIpUuid) { this.usedIpUuid = usedIpUuid; }
    public String getIp() { return ip; }
    public void setIp(String ip) { this.ip = ip; }
    public String getMac() { return mac; }
    public void setMac(String mac) { this.mac = mac; }
    public String getNetmask() { return netmask; }
    public void setNetmask(String netmask) { this.netmask = netmask; }
    public String getGateway() { return gateway; }
    public void setGateway(String gateway) { this.gateway = gateway; }
    public String getHypervisorType() { return hypervisorType; }
    public void setHypervisorType(String hypervisorType) { this.hypervisorType = hypervisorType; }
    public int getIpVersion() { return ipVersion; }
    public void setIpVersion(int ipVersion) { this.ipVersion = ipVersion; }
    public int getDeviceId() { return deviceId; }
    public void setDeviceId(int deviceId) { this.deviceId = deviceId; }
    public String getInternalName() { return internalName; }
    public void setInternalName(String internalName) { this.internalName = internalName; }
    public Timestamp getCreateDate() { return createDate; }
    public void setCreateDate(Timestamp createDate) { this.createDate = createDate; }
    public Timestamp getLastOpDate() { return lastOpDate; }
    public void setLastOpDate(Timestamp lastOpDate) { this.lastOpDate = lastOpDate; }
}
