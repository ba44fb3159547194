package io.kumo.core.identity.policy;

import java.sql.Timestamp;
import java.util.List;

/**
 * A policy as {@code GET /accounts/policies} returns it.
 *
 * @param uuid        the policy
 * @param accountUuid the account that owns it
 * @param name        its name
 * @param description free text
 * @param statements  its statements
 * @param createDate  when it was created
 * @param lastOpDate  when it last changed
 */
public record PolicyInventory(String uuid, String accountUuid, String name, String description, List<PolicyStatement> statements,
                              Timestamp createDate, Timestamp lastOpDate) {
}
