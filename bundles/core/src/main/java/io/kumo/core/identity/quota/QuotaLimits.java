package io.kumo.core.identity.quota;

import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;

/** The arithmetic of a quota check and the message of a refusal. */
public final class QuotaLimits {
    private QuotaLimits() { }

    /**
     * @param name        the quota
     * @param accountUuid the account
     * @param limit       its limit
     * @param used        what it uses now
     * @param asked       what the request adds (nothing is checked if 0 or less)
     * @throws ApiException {@code QUOTA_EXCEEDED} if {@code used + asked > limit}
     */
    public static void require(String name, String accountUuid, long limit, long used, long asked) {
        require(name, accountUuid, limit, used, 0, asked);
    }

    /**
     * @param pending what requests of the account still running were granted and do not use yet
     * @throws ApiException {@code QUOTA_EXCEEDED} if {@code used + pending + asked > limit}
     * @see #require(String, String, long, long, long)
     */
    public static void require(String name, String accountUuid, long limit, long used, long pending, long asked) {
        long taken = saturatedAdd(used, pending);
        if (asked <= 0 || asked <= limit - taken) {
            return;
        }
        long over = saturatedAdd(taken, asked) - limit;
        String held = pending > 0 ? ", " + pending + " more held by its requests still running" : "";
        throw new ApiException(ErrorCode.QUOTA_EXCEEDED, "quota " + name + " of account " + accountUuid + " would be exceeded: limit "
                + limit + ", used " + used + held + ", this request asks for " + asked + " more, " + over + " over the limit;"
                + (pending > 0 ? " retry when those requests have finished, or" : "")
                + " delete or stop resources, or ask the admin to raise quota " + name + " with UpdateQuota"
                + " (PUT /zstack/v1/accounts/quotas/actions {\"updateQuota\":{\"identityUuid\":\"" + accountUuid
                + "\",\"name\":\"" + name + "\",\"value\":...}})");
    }

    private static long saturatedAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
    }
}
