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
        if (asked <= 0 || asked <= limit - used) {
            return;
        }
        long over = saturatedAdd(used, asked) - limit;
        throw new ApiException(ErrorCode.QUOTA_EXCEEDED, "quota " + name + " of account " + accountUuid + " would be exceeded: limit "
                + limit + ", used " + used + ", this request asks for " + asked + " more, " + over + " over the limit;"
                + " delete or stop resources, or ask the admin to raise quota " + name + " with UpdateQuota"
                + " (PUT /zstack/v1/accounts/quotas/actions {\"updateQuota\":{\"identityUuid\":\"" + accountUuid
                + "\",\"name\":\"" + name + "\",\"value\":...}})");
    }

    private static long saturatedAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
    }
}
