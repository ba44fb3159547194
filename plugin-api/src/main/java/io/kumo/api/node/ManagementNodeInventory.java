package io.kumo.api.node;

import java.sql.Timestamp;

/**
 * A management node as the API shows it.
 *
 * @param uuid          the node uuid
 * @param hostName      the host name or address it serves on
 * @param state         {@code Running} or {@code Unreachable}
 * @param version       the Kumo version it runs
 * @param joinDate      when it joined
 * @param heartBeat     its last heartbeat
 * @param uptimeSeconds seconds since it started
 */
public record ManagementNodeInventory(String uuid, String hostName, String state, String version, Timestamp joinDate,
                                      Timestamp heartBeat, long uptimeSeconds) {
}
