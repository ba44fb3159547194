package io.kumo.api.licence;

import java.util.Set;

/** The names of the licensed (Plus) modules, as they appear in module licences and in operation descriptors. */
public final class LicensedModules {
    /** Enterprise management: projects, organisations, approval flows. */
    public static final String ENTERPRISE_MANAGEMENT = "enterprise-management";
    /** VMware vCenter management. */
    public static final String VMWARE = "vmware";
    /** Bare-metal provisioning through IPMI and PXE. */
    public static final String BAREMETAL = "baremetal";
    /** Disaster recovery: backup jobs and remote replication. */
    public static final String DISASTER_RECOVERY = "disaster-recovery";

    /** Every module a module licence may name. */
    public static final Set<String> ALL = Set.of(ENTERPRISE_MANAGEMENT, VMWARE, BAREMETAL, DISASTER_RECOVERY);

    private LicensedModules() { }
}
