package io.kumo.core.identity.ownership;

import java.sql.Timestamp;

/**
 * The owner of a resource, as {@code GET /accounts/resources/refs} returns it.
 *
 * @param resourceUuid the resource
 * @param resourceType its type, e.g. {@code vmInstance}
 * @param accountUuid  the owning account
 * @param createDate   when the record was made
 * @param lastOpDate   when the owner last changed
 */
public record AccountResourceRefInventory(String resourceUuid, String resourceType, String accountUuid, Timestamp createDate,
                                          Timestamp lastOpDate) {
}
