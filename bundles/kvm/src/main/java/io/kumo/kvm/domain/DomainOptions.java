package io.kumo.kvm.domain;

/**
 * Host-level choices for the domain XML of the VMs of one host, read from the host's properties (see
 * {@code io.kumo.kvm.host.KvmHostSettings}).
 *
 * @param domainType  {@code qemu} (TCG emulation) or {@code kvm} (hardware acceleration)
 * @param arch        the guest architecture, e.g. {@code x86_64}
 * @param machine     the machine type, e.g. {@code pc} or {@code q35}, or null for libvirt's default
 * @param maxVcpus    the vCPUs a VM is defined with room for; a VM gets max(its vCPUs, this)
 * @param maxMemory   the memory in bytes a VM is defined with room for; a VM gets max(its memory, this)
 * @param vncListen   the address VNC consoles listen on
 */
public record DomainOptions(String domainType, String arch, String machine, int maxVcpus, long maxMemory,
                            String vncListen) {
    /** The defaults: TCG, x86_64, libvirt's default machine, room for 16 vCPUs, no extra memory, VNC on all addresses. */
    public static final DomainOptions DEFAULTS = new DomainOptions("qemu", "x86_64", null, 16, 0, "127.0.0.1");

    /** Canonical constructor: fills defaults for nulls. */
    public DomainOptions {
        domainType = domainType == null ? "qemu" : domainType;
        arch = arch == null ? "x86_64" : arch;
        vncListen = vncListen == null ? "127.0.0.1" : vncListen;
    }

    /** @return true when CD-ROMs go on SATA (q35 has no IDE); IDE otherwise */
    public boolean sataCdroms() {
        return machine != null && machine.contains("q35");
    }
}
