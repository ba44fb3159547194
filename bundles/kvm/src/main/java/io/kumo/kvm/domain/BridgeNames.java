package io.kumo.kvm.domain;

import io.kumo.api.hypervisor.VmSpec;

/**
 * The Linux bridge a NIC plugs into, derived from its L2 network (ZStack's naming):
 * <ul>
 *   <li>{@code L2NoVlanNetwork} on interface {@code eth0}: {@code br_eth0}</li>
 *   <li>{@code L2VlanNetwork} with VLAN 100 on {@code eth0}: {@code br_eth0_100}</li>
 *   <li>{@code VxlanNetwork} with VNI 5000: {@code br_vx_5000}</li>
 * </ul>
 * Dots and dashes in interface names become underscores ({@code eth0.10} gives {@code br_eth0_10}). Linux limits
 * interface names to 15 characters: a longer name is refused with a clear error rather than truncated, since the
 * network side must find the same bridge.
 */
public final class BridgeNames {
    /** The longest Linux interface name. */
    public static final int MAX_LENGTH = 15;

    private BridgeNames() { }

    /**
     * @param nic a NIC
     * @return its bridge name
     * @throws IllegalArgumentException if the L2 network does not say enough or the name is too long
     */
    public static String of(VmSpec.Nic nic) {
        String type = nic.l2Type() == null ? "L2NoVlanNetwork" : nic.l2Type();
        String name;
        switch (type) {
            case "VxlanNetwork" -> {
                if (nic.vlan() == null) {
                    throw new IllegalArgumentException("NIC " + nic.nicUuid() + " is on a VXLAN network without a VNI");
                }
                name = "br_vx_" + nic.vlan();
            }
            case "L2VlanNetwork" -> {
                if (nic.vlan() == null) {
                    throw new IllegalArgumentException("NIC " + nic.nicUuid() + " is on a VLAN network without a VLAN id");
                }
                name = "br_" + iface(nic) + "_" + nic.vlan();
            }
            case "L2NoVlanNetwork" -> name = "br_" + iface(nic);
            default -> throw new IllegalArgumentException("NIC " + nic.nicUuid() + " is on an L2 network of type " + type
                    + ", which KVM hosts cannot plug into; use L2NoVlanNetwork, L2VlanNetwork or VxlanNetwork");
        }
        if (name.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("bridge name " + name + " for NIC " + nic.nicUuid() + " is longer than "
                    + MAX_LENGTH + " characters; use a shorter physical interface name for its L2 network");
        }
        return name;
    }

    private static String iface(VmSpec.Nic nic) {
        String p = nic.physicalInterface();
        if (p == null || p.isBlank()) {
            throw new IllegalArgumentException("NIC " + nic.nicUuid() + " is on an L2 network without a physical interface");
        }
        return p.trim().replace('.', '_').replace('-', '_');
    }
}
