package io.kumo.core.audit;

import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import java.sql.Timestamp;

/** A row of the operation log: a read-only view of the audit rows of mutating operations. */
@Entity
@Table(name = "OperationLogVO")
public class OperationLogEntity {
    @Id
    private String uuid;
    private String description;
    private String operationName;
    private String resourceType;
    private String resourceUuid;
    private String resourceName;
    private String result;
    private String errorCode;
    private String errorMessage;
    private String accountUuid;
    private String accountName;
    private String userUuid;
    private String clientIp;
    private String channel;
    private String jobUuid;
    private Timestamp startDate;
    private Timestamp finishDate;
    private Long duration;

    /** @return the API view */
    public OperationLogInventory toInventory() {
        return new OperationLogInventory(uuid, description, operationName, resourceType, resourceUuid, resourceName, result, errorCode, errorMessage, accountUuid, accountName, userUuid, clientIp, channel, jobUuid, startDate, finishDate, duration);
    }

    public String getUuid() { return uuid; }
    public String getDescription() { return description; }
    public String getOperationName() { return operationName; }
    public String getResourceType() { return resourceType; }
    public String getResourceUuid() { return resourceUuid; }
    public String getResourceName() { return resourceName; }
    public String getResult() { return result; }
    public String getErrorCode() { return errorCode; }
    public String getErrorMessage() { return errorMessage; }
    public String getAccountUuid() { return accountUuid; }
    public String getAccountName() { return accountName; }
    public String getUserUuid() { return userUuid; }
    public String getClientIp() { return clientIp; }
    public String getChannel() { return channel; }
    public String getJobUuid() { return jobUuid; }
    public Timestamp getStartDate() { return startDate; }
    public Timestamp getFinishDate() { return finishDate; }
    public Long getDuration() { return duration; }
}
