package io.kumo.core.identity.quota;

import java.sql.Timestamp;

/**
 * An account's own limit for a quota, as {@code GET /accounts/quotas} returns it (ZStack's QuotaInventory).
 *
 * @param uuid         the record
 * @param name         the quota, e.g. {@code vm.num}
 * @param identityUuid the account
 * @param identityType always {@code AccountVO}
 * @param value        the limit
 * @param createDate   when it was first set
 * @param lastOpDate   when it last changed
 */
public record QuotaInventory(String uuid, String name, String identityUuid, String identityType, long value, Timestamp createDate,
                             Timestamp lastOpDate) {
    /** The resource type of quotas. */
    public static final String RESOURCE_TYPE = "quota";
}
