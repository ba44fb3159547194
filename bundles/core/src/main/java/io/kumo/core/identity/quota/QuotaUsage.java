package io.kumo.core.identity.quota;

/**
 * What an account uses of a quota, as {@code GET /accounts/quota/{uuid}/usages} returns it.
 *
 * @param name  the quota
 * @param total the account's limit (its own value, else the default)
 * @param used  what the account uses now
 */
public record QuotaUsage(String name, long total, long used) {
}
