package io.kumo.core.audit;

import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Lob;
import javax.persistence.Table;
import java.sql.Timestamp;

/** One audited operation call: who called what, from where, with which parameters (secrets redacted) and outcome. */
@Entity
@Table(name = "AuditVO")
public class AuditEntity {
    @Id
    private String uuid;
    private String operationName;
    private String apiName;
    private String kind;
    private boolean mutating;
    private String resourceType;
    private String resourceUuid;
    private String resourceName;
    private String description;
    private String channel;
    private String clientIp;
    private String accountUuid;
    private String accountName;
    private String userUuid;
    private String result;
    private String errorCode;
    private String errorMessage;
    @Lob
    private String requestDump;
    private String jobUuid;
    private Timestamp startDate;
    private Timestamp finishDate;
    private Long duration;

    /** @return the API view */
    public AuditInventory toInventory() {
        return new AuditInventory(uuid, operationName, apiName, kind, mutating, resourceType, resourceUuid, resourceName, description, channel, clientIp, accountUuid, accountName, userUuid, result, errorCode, errorMessage, requestDump, jobUuid, startDate, finishDate, duration);
    }

    public String getUuid() { return uuid; }
    public void setUuid(String uuid) { this.uuid = uuid; }
    public String getOperationName() { return operationName; }
    public void setOperationName(String operationName) { this.operationName = operationName; }
    public String getApiName() { return apiName; }
    public void setApiName(String apiName) { this.apiName = apiName; }
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public boolean isMutating() { return mutating; }
    public void setMutating(boolean mutating) { this.mutating = mutating; }
    public String getResourceType() { return resourceType; }
    public void setResourceType(String resourceType) { this.resourceType = resourceType; }
    public String getResourceUuid() { return resourceUuid; }
    public void setResourceUuid(String resourceUuid) { this.resourceUuid = resourceUuid; }
    public String getResourceName() { return resourceName; }
    public void setResourceName(String resourceName) { this.resourceName = resourceName; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getChannel() { return channel; }
    public void setChannel(String channel) { this.channel = channel; }
    public String getClientIp() { return clientIp; }
    public void setClientIp(String clientIp) { this.clientIp = clientIp; }
    public String getAccountUuid() { return accountUuid; }
    public void setAccountUuid(String accountUuid) { this.accountUuid = accountUuid; }
    public String getAccountName() { return accountName; }
    public void setAccountName(String accountName) { this.accountName = accountName; }
    public String getUserUuid() { return userUuid; }
    public void setUserUuid(String userUuid) { this.userUuid = userUuid; }
    public String getResult() { return result; }
    public void setResult(String result) { this.result = result; }
    public String getErrorCode() { return errorCode; }
    public void setErrorCode(String errorCode) { this.errorCode = errorCode; }
    public String getErrorMessage() { return errorMessage; }
    public void setErrorMessage(String errorMessage) { this.errorMessage = errorMessage; }
    public String getRequestDump() { return requestDump; }
    public void setRequestDump(String requestDump) { this.requestDump = requestDump; }
    public String getJobUuid() { return jobUuid; }
    public void setJobUuid(String jobUuid) { this.jobUuid = jobUuid; }
    public Timestamp getStartDate() { return startDate; }
    public void setStartDate(Timestamp startDate) { this.startDate = startDate; }
    public Timestamp getFinishDate() { return finishDate; }
    public void setFinishDate(Timestamp finishDate) { this.finishDate = finishDate; }
    public Long getDuration() { return duration; }
    public void setDuration(Long duration) { this.duration = duration; }
}
