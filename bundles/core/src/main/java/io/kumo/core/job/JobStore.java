package io.kumo.core.job;

import io.kumo.api.job.JobState;
import io.kumo.core.identity.quota.QuotaCharges;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceContext;
import javax.transaction.Transactional;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;

/** Persists jobs. Every method is its own transaction unless called inside one. */
@Transactional
public class JobStore {
    private static final List<JobState> UNFINISHED = List.of(JobState.Waiting, JobState.Running, JobState.RollingBack);

    @PersistenceContext(unitName = "kumo")
    private EntityManager em;

    /** @param em the entity manager (tests; blueprint injects the field) */
    public void setEntityManager(EntityManager em) { this.em = em; }

    /** @param job a new job */
    public void create(JobEntity job) { em.persist(job); }

    /** @param uuid a job id @return the job or null */
    @Transactional(Transactional.TxType.SUPPORTS)
    public JobEntity find(String uuid) { return em.find(JobEntity.class, uuid); }

    /**
     * Records progress: the step now running, how many completed, and the context rollback needs.
     *
     * @return false if the job no longer exists
     */
    public boolean recordStep(String uuid, JobState state, String currentStep, int progress, String message,
                              int completedSteps, String contextJson) {
        JobEntity job = em.find(JobEntity.class, uuid);
        if (job == null) {
            return false;
        }
        job.setState(state);
        job.setCurrentStep(currentStep);
        job.setProgress(progress);
        job.setProgressMessage(message);
        job.setCompletedSteps(completedSteps);
        job.setContextJson(contextJson);
        job.setLastOpDate(new Timestamp(System.currentTimeMillis()));
        return true;
    }

    /** Records the end of a job. */
    public void finish(String uuid, JobState state, int progress, String resultJson, String errorJson, String contextJson) {
        JobEntity job = em.find(JobEntity.class, uuid);
        if (job == null) {
            return;
        }
        job.setState(state);
        job.setProgress(progress);
        job.setResultJson(resultJson);
        job.setErrorJson(errorJson);
        if (contextJson != null) {
            job.setContextJson(contextJson);
        }
        job.setLastOpDate(new Timestamp(System.currentTimeMillis()));
    }

    /** @param uuid a job refused before it ran: its row goes, nothing of it is left */
    public void delete(String uuid) {
        JobEntity job = em.find(JobEntity.class, uuid);
        if (job != null) {
            em.remove(job);
        }
    }

    /** Adds charges granted during a job (by a step) to those it holds until it finishes. */
    public void holdQuota(String uuid, QuotaCharges charges) {
        JobEntity job = em.find(JobEntity.class, uuid);
        if (job != null) {
            job.setQuotaJson(QuotaCharges.fromJson(job.getQuotaJson()).addAll(charges).toJson());
        }
    }

    /** What one unfinished job holds of quotas; jobs are ordered by creation, then uuid. */
    public record QuotaHold(String jobUuid, Timestamp createDate, QuotaCharges charges) {
        /** @return whether this job was created before that one */
        public boolean before(QuotaHold other) {
            int c = createDate.compareTo(other.createDate);
            return c < 0 || (c == 0 && jobUuid.compareTo(other.jobUuid) < 0);
        }
    }

    /** @return the quota charges held by unfinished jobs (a few: those running now) */
    public List<QuotaHold> quotaHeldByUnfinishedJobs() {
        return em.createQuery("SELECT j.uuid, j.createDate, j.quotaJson FROM JobEntity j WHERE j.state IN :states"
                        + " AND j.quotaJson IS NOT NULL", Object[].class)
                .setParameter("states", UNFINISHED).getResultList().stream()
                .map(r -> new QuotaHold((String) r[0], (Timestamp) r[1], QuotaCharges.fromJson((String) r[2])))
                .toList();
    }

    /** @param nodeUuid a node @return its jobs that have not finished */
    public List<JobEntity> unfinishedOn(String nodeUuid) {
        return em.createQuery("SELECT j FROM JobEntity j WHERE j.managementNodeUuid = :node AND j.state IN :states", JobEntity.class)
                .setParameter("node", nodeUuid).setParameter("states", UNFINISHED).getResultList();
    }

    /** @param liveNodes the nodes alive now @return unfinished jobs of nodes not among them */
    public List<JobEntity> unfinishedOutside(Collection<String> liveNodes) {
        return em.createQuery("SELECT j FROM JobEntity j WHERE j.state IN :states AND j.managementNodeUuid NOT IN :nodes", JobEntity.class)
                .setParameter("states", UNFINISHED).setParameter("nodes", liveNodes).getResultList();
    }

    /**
     * Moves a job from a gone node to this one, atomically: when several nodes race for it, one wins.
     *
     * @return true if this call moved it
     */
    public boolean claim(String uuid, String fromNode, String toNode) {
        return em.createQuery("UPDATE JobEntity j SET j.managementNodeUuid = :to WHERE j.uuid = :uuid AND j.managementNodeUuid = :from")
                .setParameter("to", toNode).setParameter("uuid", uuid).setParameter("from", fromNode).executeUpdate() == 1;
    }

    /** @param before a time @return how many finished jobs last changed before it were deleted */
    public int deleteFinishedBefore(Timestamp before) {
        return em.createQuery("DELETE FROM JobEntity j WHERE j.lastOpDate < :before AND j.state IN :states")
                .setParameter("before", before).setParameter("states", List.of(JobState.Succeeded, JobState.Failed))
                .executeUpdate();
    }
}
