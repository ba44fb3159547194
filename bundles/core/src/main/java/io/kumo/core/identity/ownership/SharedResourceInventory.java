package io.kumo.core.identity.ownership;

import java.sql.Timestamp;

/**
 * A sharing of a resource, as {@code GET /accounts/resources} returns it.
 *
 * @param resourceUuid        the resource
 * @param resourceType        its type
 * @param ownerAccountUuid    the owner who shared it
 * @param receiverAccountUuid the account it is shared with, or null when shared with every account
 * @param toPublic            true if shared with every account
 * @param createDate          when it was shared
 */
public record SharedResourceInventory(String resourceUuid, String resourceType, String ownerAccountUuid, String receiverAccountUuid,
                                      boolean toPublic, Timestamp createDate) {
}
