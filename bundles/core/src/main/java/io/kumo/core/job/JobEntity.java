package io.kumo.core.job;

import io.kumo.api.job.JobState;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Lob;
import javax.persistence.Table;
import java.sql.Timestamp;

/** A persisted job: enough to report it and, after a crash, to roll back its completed steps. */
@Entity
@Table(name = "JobVO")
public class JobEntity {
    @Id
    private String uuid;
    private String operationName;
    private String serializationKey;
    @Enumerated(EnumType.STRING)
    private JobState state;
    private int progress;
    private String currentStep;
    private String progressMessage;
    private int completedSteps;
    private String managementNodeUuid;
    @Lob
    @Column(name = "requestJson")
    private String requestJson;
    @Lob
    private String contextJson;
    @Lob
    private String resultJson;
    @Lob
    private String errorJson;
    /** What the job's quota checks granted, account to quota name to amount; held while the job is unfinished. */
    @Lob
    private String quotaJson;
    private Timestamp createDate;
    private Timestamp lastOpDate;

    public String getUuid() { return uuid; }
    public void setUuid(String uuid) { this.uuid = uuid; }
    public String getOperationName() { return operationName; }
    public void setOperationName(String operationName) { this.operationName = operationName; }
    public String getSerializationKey() { return serializationKey; }
    public void setSerializationKey(String serializationKey) { this.serializationKey = serializationKey; }
    public JobState getState() { return state; }
    public void setState(JobState state) { this.state = state; }
    public int getProgress() { return progress; }
    public void setProgress(int progress) { this.progress = progress; }
    public String getCurrentStep() { return currentStep; }
    public void setCurrentStep(String currentStep) { this.currentStep = currentStep; }
    public String getProgressMessage() { return progressMessage; }
    public void setProgressMessage(String progressMessage) { this.progressMessage = progressMessage; }
    public int getCompletedSteps() { return completedSteps; }
    public void setCompletedSteps(int completedSteps) { this.completedSteps = completedSteps; }
    public String getManagementNodeUuid() { return managementNodeUuid; }
    public void setManagementNodeUuid(String managementNodeUuid) { this.managementNodeUuid = managementNodeUuid; }
    public String getRequestJson() { return requestJson; }
    public void setRequestJson(String requestJson) { this.requestJson = requestJson; }
    public String getContextJson() { return contextJson; }
    public void setContextJson(String contextJson) { this.contextJson = contextJson; }
    public String getResultJson() { return resultJson; }
    public void setResultJson(String resultJson) { this.resultJson = resultJson; }
    public String getErrorJson() { return errorJson; }
    public void setErrorJson(String errorJson) { this.errorJson = errorJson; }
    public String getQuotaJson() { return quotaJson; }
    public void setQuotaJson(String quotaJson) { this.quotaJson = quotaJson; }
    public Timestamp getCreateDate() { return createDate; }
    public void setCreateDate(Timestamp createDate) { this.createDate = createDate; }
    public Timestamp getLastOpDate() { return lastOpDate; }
    public void setLastOpDate(Timestamp lastOpDate) { this.lastOpDate = lastOpDate; }
}
