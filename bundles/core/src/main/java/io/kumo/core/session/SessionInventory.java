package io.kumo.core.session;

import java.sql.Timestamp;

/**
 * A session as login returns it.
 *
 * @param uuid        the session uuid, sent back as {@code Authorization: OAuth <uuid>}
 * @param accountUuid the account logged in
 * @param userUuid    the user, or null
 * @param expiredDate when it expires
 * @param createDate  when it was created
 */
public record SessionInventory(String uuid, String accountUuid, String userUuid, Timestamp expiredDate, Timestamp createDate) {
}
