package io.kumo.core.persistence;

import io.kumo.api.job.JobState;
import io.kumo.core.audit.AuditEntity;
import io.kumo.core.audit.AuditStore;
import io.kumo.core.audit.OperationLogEntity;
import io.kumo.core.job.JobEntity;
import io.kumo.core.job.JobStore;
import io.kumo.core.testing.Stores;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** {@link AuditStore} on a real schema: batches, job completion, the operation log view, retention. */
interface AuditStoreContract extends DatabaseTest {

    private static AuditEntity audit(String uuid, String operation, boolean mutating, String result, String job, long start) {
        AuditEntity a = new AuditEntity();
        a.setUuid(uuid);
        a.setOperationName(operation);
        a.setKind(mutating ? "CREATE" : "QUERY");
        a.setMutating(mutating);
        a.setDescription(operation);
        a.setResult(result);
        a.setJobUuid(job);
        a.setRequestDump("{\"params\":{}}");
        a.setStartDate(new Timestamp(start));
        return a;
    }

    private static JobEntity job(String uuid, JobState state, String result, String error, long end) {
        JobEntity j = new JobEntity();
        j.setUuid(uuid);
        j.setOperationName("CreateZone");
        j.setSerializationKey(uuid);
        j.setState(state);
        j.setManagementNodeUuid("node");
        j.setRequestJson("{}");
        j.setResultJson(result);
        j.setErrorJson(error);
        j.setCreateDate(new Timestamp(end - 50));
        j.setLastOpDate(new Timestamp(end));
        return j;
    }

    @Test
    default void finishedJobsCompleteTheirRecords() {
        AuditStore store = Stores.audits(db(), null);
        JobStore jobs = Stores.jobs(db());
        long t = Timestamp.valueOf("2026-01-02 03:04:05").getTime();
        store.write(List.of(
                audit("a0000000000000000000000000000001", "CreateZone", true, AuditStore.RUNNING, "j0000000000000000000000000000001", t),
                audit("a0000000000000000000000000000002", "DeleteZone", true, AuditStore.RUNNING, "j0000000000000000000000000000002", t),
                audit("a0000000000000000000000000000003", "UpdateZone", true, AuditStore.RUNNING, "j0000000000000000000000000000003", t)));
        jobs.create(job("j0000000000000000000000000000001", JobState.Succeeded,
                "{\"inventory\":{\"uuid\":\"z0000000000000000000000000000001\",\"name\":\"zone-1\"}}", null, t + 1234));
        jobs.create(job("j0000000000000000000000000000002", JobState.Failed, null,
                "{\"code\":\"SYS.1006\",\"description\":\"Operation failed\",\"details\":\"step 'x' failed: boom\"}", t + 10));
        jobs.create(job("j0000000000000000000000000000003", JobState.Running, null, null, t + 10));

        store.completeJobs();

        AuditEntity created = store.find("a0000000000000000000000000000001");
        assertEquals(AuditStore.SUCCEEDED, created.getResult());
        assertEquals(1234L, created.getDuration());
        assertEquals(t + 1234, created.getFinishDate().getTime());
        assertEquals("z0000000000000000000000000000001", created.getResourceUuid(), "from the job's result");
        assertEquals("Create zone zone-1", created.getDescription());
        AuditEntity deleted = store.find("a0000000000000000000000000000002");
        assertEquals(AuditStore.FAILED, deleted.getResult());
        assertEquals("SYS.1006", deleted.getErrorCode());
        assertEquals("step 'x' failed: boom", deleted.getErrorMessage());
        AuditEntity running = store.find("a0000000000000000000000000000003");
        assertEquals(AuditStore.RUNNING, running.getResult(), "its job still runs");
        assertNull(running.getFinishDate());
    }

    @Test
    default void theOperationLogShowsMutatingOperationsOnly() {
        AuditStore store = Stores.audits(db(), null);
        long t = System.currentTimeMillis();
        store.write(List.of(audit("b0000000000000000000000000000001", "CreateZone", true, AuditStore.SUCCEEDED, null, t),
                audit("b0000000000000000000000000000002", "QueryZone", false, AuditStore.SUCCEEDED, null, t)));
        List<String> logged = db().inTransaction(() -> db().entityManager()
                .createQuery("SELECT o FROM OperationLogEntity o", OperationLogEntity.class).getResultList()
                .stream().map(OperationLogEntity::getOperationName).toList());
        assertEquals(List.of("CreateZone"), logged);
    }

    @Test
    default void oldRecordsAreDeleted() {
        AuditStore store = Stores.audits(db(), null);
        long now = System.currentTimeMillis();
        store.write(List.of(audit("c0000000000000000000000000000001", "CreateZone", true, AuditStore.SUCCEEDED, null, now - 100L * 86_400_000L),
                audit("c0000000000000000000000000000002", "CreateZone", true, AuditStore.SUCCEEDED, null, now)));
        assertEquals(1, store.deleteBefore(new Timestamp(now - 90L * 86_400_000L)));
        assertNull(store.find("c0000000000000000000000000000001"));
        assertEquals("CreateZone", store.find("c0000000000000000000000000000002").getOperationName());
    }
}
