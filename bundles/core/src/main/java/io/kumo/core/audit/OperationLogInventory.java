package io.kumo.core.audit;

import java.sql.Timestamp;

/**
 * An operation log entry ({@code GET /zstack/v1/operation-logs}): one mutating operation described for people.
 *
 * @param uuid the record's uuid
 * @param description what happened, for people, e.g. {@code Create zone zone-1}
 * @param operationName the operation called, e.g. {@code CreateZone}
 * @param resourceType the resource type it acts on, or null
 * @param resourceUuid the resource's uuid, if known (parameter or result)
 * @param resourceName the resource's name, if known
 * @param result {@code Succeeded}, {@code Failed}, or {@code Running} while the job of an asynchronous operation runs
 * @param errorCode the error code of a failure
 * @param errorMessage the error's details
 * @param accountUuid the operator's account, or null when anonymous
 * @param accountName its name
 * @param userUuid the operator's user, or null
 * @param clientIp the client address, or null
 * @param channel {@code rest}, {@code shell}, {@code bus} or {@code internal}
 * @param jobUuid the job of an asynchronous operation
 * @param startDate when the call arrived
 * @param finishDate when it ended (the job's end for asynchronous operations)
 * @param duration milliseconds from start to finish
 */
public record OperationLogInventory(String uuid, String description, String operationName, String resourceType, String resourceUuid, String resourceName, String result, String errorCode, String errorMessage, String accountUuid, String accountName, String userUuid, String clientIp, String channel, String jobUuid, Timestamp startDate, Timestamp finishDate, Long duration) {
    /** The resource type in queries and tags. */
    public static final String RESOURCE_TYPE = "operationLog";
}
