package io.kumo.api.identity;

import java.util.List;
import java.util.Map;

/**
 * Quotas per account (ZStack's {@code QueryQuota}, {@code UpdateQuota}, {@code GetAccountQuotaUsage}). A quota is a
 * named limit, e.g. {@code vm.num}; its usage is measured by the {@link QuotaUsageProvider} that declares the name. The
 * admin account is never limited. Operations call {@link #check} in their {@code check()}, before any job, so that a
 * refusal writes nothing. For an {@link io.kumo.api.operation.AsyncOperation} the job engine also holds what the
 * checks granted until the job finishes and confirms it against the account's other unfinished jobs, so concurrent
 * requests cannot together go over a limit; checks made inside a step are held from the end of that step.
 */
public interface QuotaService {
    /** The global configuration category holding the default limit of each quota, named after the quota. */
    String CONFIG_CATEGORY = "quota";

    /**
     * Refuses a request that would take an account over one of its quotas.
     *
     * @param accountUuid the account that will own what is made (the caller's)
     * @param additions   quota name to how much the request adds, e.g. {@code vm.num -> 1}, {@code vm.memorySize ->
     *                    bytes}; zero or negative additions and names no provider declares are ignored
     * @throws io.kumo.api.error.ApiException {@code QUOTA_EXCEEDED} (403) naming the quota, its limit, the current
     *                                        usage, what was asked, by how much it is exceeded and what to do
     */
    void check(String accountUuid, Map<String, Long> additions);

    /**
     * @param accountUuid an account
     * @param name        a quota name
     * @return the account's limit for that quota (its own value, else the default); {@link Long#MAX_VALUE} for the
     *         admin account
     */
    long limit(String accountUuid, String name);

    /** @return the quota names declared by the registered providers, sorted */
    List<String> names();
}
