package io.kumo.core.persistence;

import io.kumo.api.inventory.Uuids;
import io.kumo.api.job.JobState;
import io.kumo.core.job.JobEntity;
import io.kumo.core.job.JobStore;
import io.kumo.core.testing.Stores;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link JobStore} on a real schema. */
interface JobStoreContract extends DatabaseTest {
    String NODE_A = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    String NODE_B = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";

    private static JobEntity job(String node, JobState state, Timestamp lastOp) {
        JobEntity j = new JobEntity();
        j.setUuid(Uuids.random());
        j.setOperationName("CreateThing");
        j.setSerializationKey(Uuids.random());
        j.setState(state);
        j.setManagementNodeUuid(node);
        j.setRequestJson("{\"operation\":\"CreateThing\"}");
        j.setCreateDate(lastOp);
        j.setLastOpDate(lastOp);
        return j;
    }

    private static Set<String> uuids(List<JobEntity> jobs) {
        return Set.copyOf(jobs.stream().map(JobEntity::getUuid).toList());
    }

    @Test
    default void jobRecordStepAndFinish() {
        JobStore store = Stores.jobs(db());
        Timestamp created = Timestamp.valueOf("2024-01-01 00:00:00");
        JobEntity j = job(NODE_A, JobState.Waiting, created);
        store.create(j);

        String bigContext = "{\"blob\":\"" + "x".repeat(100_000) + "\"}";
        assertTrue(store.recordStep(j.getUuid(), JobState.Running, "allocate", 33, "allocating", 1, bigContext));
        JobEntity running = store.find(j.getUuid());
        assertEquals(JobState.Running, running.getState());
        assertEquals("allocate", running.getCurrentStep());
        assertEquals(33, running.getProgress());
        assertEquals("allocating", running.getProgressMessage());
        assertEquals(1, running.getCompletedSteps());
        assertEquals(bigContext, running.getContextJson(), "contexts are CLOBs, not short strings");
        assertEquals(created, running.getCreateDate());
        assertTrue(running.getLastOpDate().after(created));
        assertFalse(store.recordStep(Uuids.random(), JobState.Running, "x", 0, "x", 0, "{}"), "unknown job");

        store.finish(j.getUuid(), JobState.Succeeded, 100, "{\"inventory\":{}}", null, null);
        JobEntity done = store.find(j.getUuid());
        assertEquals(JobState.Succeeded, done.getState());
        assertEquals(100, done.getProgress());
        assertEquals("{\"inventory\":{}}", done.getResultJson());
        assertNull(done.getErrorJson());
        assertEquals(bigContext, done.getContextJson(), "a null context keeps the recorded one");

        store.finish(j.getUuid(), JobState.Failed, 50, null, "{\"code\":\"SYS.1001\"}", "{}");
        JobEntity failed = store.find(j.getUuid());
        assertEquals(JobState.Failed, failed.getState());
        assertNull(failed.getResultJson());
        assertEquals("{\"code\":\"SYS.1001\"}", failed.getErrorJson());
        assertEquals("{}", failed.getContextJson());
        store.finish(Uuids.random(), JobState.Failed, 0, null, null, null);
    }

    @Test
    default void jobUnfinishedOnAndOutside() {
        JobStore store = Stores.jobs(db());
        Timestamp now = new Timestamp(System.currentTimeMillis());
        JobEntity aWaiting = job(NODE_A, JobState.Waiting, now);
        JobEntity aRunning = job(NODE_A, JobState.Running, now);
        JobEntity aRollingBack = job(NODE_A, JobState.RollingBack, now);
        JobEntity aSucceeded = job(NODE_A, JobState.Succeeded, now);
        JobEntity aFailed = job(NODE_A, JobState.Failed, now);
        JobEntity bRunning = job(NODE_B, JobState.Running, now);
        JobEntity bSucceeded = job(NODE_B, JobState.Succeeded, now);
        for (JobEntity j : List.of(aWaiting, aRunning, aRollingBack, aSucceeded, aFailed, bRunning, bSucceeded)) {
            store.create(j);
        }
        assertEquals(Set.of(aWaiting.getUuid(), aRunning.getUuid(), aRollingBack.getUuid()), uuids(store.unfinishedOn(NODE_A)));
        assertEquals(Set.of(bRunning.getUuid()), uuids(store.unfinishedOn(NODE_B)));
        assertEquals(Set.of(), uuids(store.unfinishedOn(Uuids.random())));

        assertEquals(Set.of(bRunning.getUuid()), uuids(store.unfinishedOutside(List.of(NODE_A))));
        assertEquals(Set.of(), uuids(store.unfinishedOutside(List.of(NODE_A, NODE_B))));
        assertEquals(6 - 2, store.unfinishedOutside(List.of(Uuids.random())).size());

        assertTrue(store.claim(bRunning.getUuid(), NODE_B, NODE_A), "the first claim wins");
        assertEquals(NODE_A, store.find(bRunning.getUuid()).getManagementNodeUuid());
        assertFalse(store.claim(bRunning.getUuid(), NODE_B, Uuids.random()), "a second claimant loses: the job moved already");
        assertEquals(NODE_A, store.find(bRunning.getUuid()).getManagementNodeUuid());
        assertEquals(Set.of(), uuids(store.unfinishedOutside(List.of(NODE_A))));
        assertFalse(store.claim(Uuids.random(), NODE_B, NODE_A));
    }

    @Test
    default void jobDeleteFinishedBeforeKeepsRecentAndUnfinishedJobs() {
        JobStore store = Stores.jobs(db());
        long now = System.currentTimeMillis();
        Timestamp old = new Timestamp(now - 48 * 3_600_000L);
        Timestamp recent = new Timestamp(now - 60_000L);
        JobEntity oldSucceeded = job(NODE_A, JobState.Succeeded, old);
        JobEntity oldFailed = job(NODE_B, JobState.Failed, old);
        JobEntity oldRunning = job(NODE_A, JobState.Running, old);
        JobEntity oldWaiting = job(NODE_A, JobState.Waiting, old);
        JobEntity recentSucceeded = job(NODE_A, JobState.Succeeded, recent);
        for (JobEntity j : List.of(oldSucceeded, oldFailed, oldRunning, oldWaiting, recentSucceeded)) {
            store.create(j);
        }
        assertEquals(2, store.deleteFinishedBefore(new Timestamp(now - 24 * 3_600_000L)));
        assertNull(store.find(oldSucceeded.getUuid()));
        assertNull(store.find(oldFailed.getUuid()));
        assertNotNull(store.find(oldRunning.getUuid()));
        assertNotNull(store.find(oldWaiting.getUuid()));
        assertNotNull(store.find(recentSucceeded.getUuid()));
        assertEquals(0, store.deleteFinishedBefore(new Timestamp(now - 24 * 3_600_000L)));
    }
}
