package io.kumo.core.identity.group;

import java.sql.Timestamp;

/**
 * A user group as {@code GET /accounts/groups} returns it.
 *
 * @param uuid        its uuid
 * @param accountUuid the account it belongs to
 * @param name        its name, unique in the account
 * @param description free text
 * @param createDate  when it was created
 * @param lastOpDate  when it last changed
 */
public record UserGroupInventory(String uuid, String accountUuid, String name, String description, Timestamp createDate, Timestamp lastOpDate) {
}
