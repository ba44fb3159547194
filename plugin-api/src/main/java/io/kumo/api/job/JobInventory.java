package io.kumo.api.job;

import io.kumo.api.error.ApiError;

import java.sql.Timestamp;
import java.util.Map;

/**
 * A job as the API shows it.
 *
 * @param uuid            the job id (also the id in {@code /api-jobs/{id}})
 * @param operation       the operation it runs
 * @param serializationKey the key it is serialized on
 * @param state           its state
 * @param progress        0..100
 * @param currentStep     the step running or last run
 * @param progressMessage what is happening now
 * @param managementNodeUuid the node running it
 * @param result          the result body when {@link JobState#Succeeded}, or null
 * @param error           the error when {@link JobState#Failed}, or null
 * @param createDate      when it was submitted
 * @param lastOpDate      when it last changed
 */
public record JobInventory(String uuid, String operation, String serializationKey, JobState state, int progress,
                           String currentStep, String progressMessage, String managementNodeUuid,
                           Map<String, Object> result, ApiError error, Timestamp createDate, Timestamp lastOpDate) {
}
