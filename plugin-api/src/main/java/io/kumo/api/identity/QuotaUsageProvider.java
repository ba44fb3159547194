package io.kumo.api.identity;

import java.util.Map;
import java.util.Set;

/**
 * Measures what an account uses of some quotas; a module registers one as an OSGi service for the resources it makes
 * (the compute module for VMs, volumes and images). The kernel knows quotas only through these providers. The module
 * also declares the default limit of each name as a global configuration of category
 * {@link QuotaService#CONFIG_CATEGORY} named after the quota (e.g. {@code quota.vm.num}), which applies to every
 * account without a value of its own.
 */
public interface QuotaUsageProvider {
    /** @return the quota names this provider measures, e.g. {@code vm.num} */
    Set<String> names();

    /**
     * @param accountUuid an account
     * @return quota name to the account's current usage, for every name of {@link #names()} (0 if none used)
     */
    Map<String, Long> usage(String accountUuid);
}
