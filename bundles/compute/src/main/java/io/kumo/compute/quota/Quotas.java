package io.kumo.compute.quota;

import io.kumo.api.identity.OwnershipService;
import io.kumo.api.identity.QuotaService;
import io.kumo.api.operation.OperationRequest;

import java.util.List;
import java.util.Map;

/**
 * Quota checks of compute operations, through the kernel's {@link QuotaService} when it is there (the compute module
 * runs without it, unlimited). Called in {@code check()}, before any job, so a refusal writes nothing.
 */
public class Quotas {
    /** No quota service: nothing is limited (tests, and a kernel without quotas). */
    public static final Quotas NONE = new Quotas(List.of(), null);

    private final List<QuotaService> services;
    private final OwnershipService ownership;

    /**
     * @param services  the quota service, if registered (a blueprint reference-list: empty when absent)
     * @param ownership who owns what, to charge an existing resource's owner
     */
    public Quotas(List<QuotaService> services, OwnershipService ownership) {
        this.services = services;
        this.ownership = ownership;
    }

    /**
     * Refuses a request that would take an account over a quota.
     *
     * @param accountUuid the account charged
     * @param additions   quota name to what the request adds
     * @throws io.kumo.api.error.ApiException {@code QUOTA_EXCEEDED} (403)
     */
    public void check(String accountUuid, Map<String, Long> additions) {
        for (QuotaService q : services) { // at most one; iterating is safe while the service comes and goes
            q.check(accountUuid, additions);
        }
    }

    /** Checks what a create adds for the caller's account, which will own what it makes. */
    public void checkCreate(OperationRequest request, Map<String, Long> additions) {
        check(request.caller().accountUuid(), additions);
    }

    /** Checks what an action on an existing resource adds for the resource's owner (the caller's account if none). */
    public void checkFor(String resourceUuid, OperationRequest request, Map<String, Long> additions) {
        String owner = ownership == null ? null : ownership.ownerOf(resourceUuid).orElse(null);
        check(owner != null ? owner : request.caller().accountUuid(), additions);
    }
}
