package io.kumo.core.audit;

import io.kumo.api.operation.OperationDescriptor;

import java.util.Locale;
import java.util.Map;

/** Turns an operation and its target into the operation log's sentence: {@code CreateZone} + {@code zone-1} → "Create zone zone-1". */
public final class OperationDescriptions {
    /** Words written in capitals or with their own casing in descriptions. */
    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("vm", "VM"), Map.entry("vms", "VMs"), Map.entry("ip", "IP"), Map.entry("ipv6", "IPv6"),
            Map.entry("l2", "L2"), Map.entry("l3", "L3"), Map.entry("cpu", "CPU"), Map.entry("vip", "VIP"),
            Map.entry("dns", "DNS"), Map.entry("nic", "NIC"), Map.entry("iso", "ISO"), Map.entry("ssh", "SSH"),
            Map.entry("ldap", "LDAP"), Map.entry("api", "API"), Map.entry("mac", "MAC"), Map.entry("kvm", "KVM"),
            Map.entry("vnc", "VNC"), Map.entry("cidr", "CIDR"), Map.entry("os", "OS"));

    private OperationDescriptions() { }

    /**
     * @param operation the operation name, e.g. {@code DeleteVmInstance}
     * @param target    the resource's name or uuid, or null
     * @return e.g. "Delete VM instance 3f2a..." ("Delete VM instance" without a target)
     */
    public static String describe(String operation, String target) {
        String[] words = OperationDescriptor.toCommandName(operation).split("-");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            String w = WORDS.getOrDefault(words[i], words[i]);
            if (i == 0 && w.equals(words[i])) {
                w = w.substring(0, 1).toUpperCase(Locale.ROOT) + w.substring(1);
            }
            sb.append(i == 0 ? "" : " ").append(w);
        }
        if (target != null && !target.isBlank()) {
            sb.append(' ').append(target);
        }
        return sb.length() > 1024 ? sb.substring(0, 1021) + "..." : sb.toString();
    }
}
