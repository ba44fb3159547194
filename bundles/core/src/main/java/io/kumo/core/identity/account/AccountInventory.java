package io.kumo.core.identity.account;

import java.sql.Timestamp;

/**
 * An account as {@code GET /accounts} returns it (never its password).
 *
 * @param uuid        its uuid
 * @param name        its name, unique
 * @param type        {@code SystemAdmin} or {@code Normal}
 * @param description free text
 * @param createDate  when it was created
 * @param lastOpDate  when it last changed
 */
public record AccountInventory(String uuid, String name, String type, String description, Timestamp createDate, Timestamp lastOpDate) {
    /** The resource type of accounts. */
    public static final String RESOURCE_TYPE = "account";
}
