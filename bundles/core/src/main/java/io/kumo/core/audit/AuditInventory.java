package io.kumo.core.audit;

import java.sql.Timestamp;

/**
 * An API audit record ({@code GET /zstack/v1/audits}).
 *
 * @param uuid the record's uuid
 * @param operationName the operation called, e.g. {@code CreateZone}
 * @param apiName the REST form of the call, e.g. {@code POST /zstack/v1/zones}, or null for operations not served over REST
 * @param kind the operation's kind ({@code CREATE}, {@code QUERY}, ...)
 * @param mutating whether the operation changes state
 * @param resourceType the resource type it acts on, or null
 * @param resourceUuid the resource's uuid, if known (parameter or result)
 * @param resourceName the resource's name, if known
 * @param description what happened, for people, e.g. {@code Create zone zone-1}
 * @param channel {@code rest}, {@code shell}, {@code bus} or {@code internal}
 * @param clientIp the client address, or null
 * @param accountUuid the operator's account, or null when anonymous
 * @param accountName its name
 * @param userUuid the operator's user, or null
 * @param result {@code Succeeded}, {@code Failed}, or {@code Running} while the job of an asynchronous operation runs
 * @param errorCode the error code of a failure
 * @param errorMessage the error's details
 * @param requestDump the request as JSON, secrets redacted
 * @param jobUuid the job of an asynchronous operation
 * @param startDate when the call arrived
 * @param finishDate when it ended (the job's end for asynchronous operations)
 * @param duration milliseconds from start to finish
 */
public record AuditInventory(String uuid, String operationName, String apiName, String kind, boolean mutating, String resourceType, String resourceUuid, String resourceName, String description, String channel, String clientIp, String accountUuid, String accountName, String userUuid, String result, String errorCode, String errorMessage, String requestDump, String jobUuid, Timestamp startDate, Timestamp finishDate, Long duration) {
    /** The resource type in queries and tags. */
    public static final String RESOURCE_TYPE = "audit";
}
