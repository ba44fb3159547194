package io.kumo.api.vm;

import java.sql.Timestamp;

/**
 * A VM NIC as the API shows it (ZStack's VmNicInventory).
 *
 * @param uuid           the NIC uuid
 * @param vmInstanceUuid its VM
 * @param l3NetworkUuid  its L3 network
 * @param ip             its address
 * @param mac            its MAC address
 * @param netmask        the netmask
 * @param gateway        the gateway
 * @param hypervisorType the VM's hypervisor type
 * @param ipVersion      4
 * @param deviceId       its position on the VM
 * @param internalName   the device name on the host
 * @param createDate     when it was created
 * @param lastOpDate     when it last changed
 */
public record VmNicInventory(String uuid, String vmInstanceUuid, String l3NetworkUuid, String ip, String mac,
                             String netmask, String gateway, String hypervisorType, int ipVersion, int deviceId,
                             String internalName, Timestamp createDate, Timestamp lastOpDate) { }
