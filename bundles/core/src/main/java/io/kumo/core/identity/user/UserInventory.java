package io.kumo.core.identity.user;

import java.sql.Timestamp;

/**
 * A user as {@code GET /accounts/users} returns it (never its password).
 *
 * @param uuid        its uuid
 * @param accountUuid the account it belongs to
 * @param name        its name, unique in the account
 * @param description free text
 * @param createDate  when it was created
 * @param lastOpDate  when it last changed
 */
public record UserInventory(String uuid, String accountUuid, String name, String description, Timestamp createDate, Timestamp lastOpDate) {
}
