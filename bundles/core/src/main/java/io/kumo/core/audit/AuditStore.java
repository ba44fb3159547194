package io.kumo.core.audit;

import io.kumo.api.job.JobState;
import io.kumo.api.query.QueryRequest;
import io.kumo.api.query.QueryResult;
import io.kumo.api.query.QueryService;
import io.kumo.core.job.JobEntity;
import io.kumo.core.json.Json;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceContext;
import javax.transaction.Transactional;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;

/** Persists audit records (AuditVO) and reads them and the operation log (the OperationLogVO view). */
@Transactional
public class AuditStore implements AuditSink {
    /** The result of an asynchronous operation whose job has not ended yet. */
    public static final String RUNNING = "Running";
    /** The result of a successful call. */
    public static final String SUCCEEDED = "Succeeded";
    /** The result of a failed call. */
    public static final String FAILED = "Failed";
    private static final int COMPLETE_BATCH = 500;

    @PersistenceContext(unitName = "kumo")
    private EntityManager em;
    private final QueryService queryService;

    /** @param queryService runs audit and operation log queries */
    public AuditStore(QueryService queryService) { this.queryService = queryService; }

    /** @param em the entity manager (tests; blueprint injects the field) */
    public void setEntityManager(EntityManager em) { this.em = em; }

    @Override
    public void write(List<AuditEntity> batch) {
        for (AuditEntity a : batch) {
            em.persist(a);
        }
    }

    /**
     * Completes {@link #RUNNING} records whose job has ended, with the job's outcome and end time (on any node: the
     * jobs are in the shared database).
     */
    @Override
    public void completeJobs() {
        List<Object[]> rows = em.createQuery("SELECT a, j FROM AuditEntity a, JobEntity j WHERE a.result = :running"
                        + " AND j.uuid = a.jobUuid AND j.state IN :done", Object[].class)
                .setParameter("running", RUNNING).setParameter("done", List.of(JobState.Succeeded, JobState.Failed))
                .setMaxResults(COMPLETE_BATCH).getResultList();
        for (Object[] row : rows) {
            complete((AuditEntity) row[0], (JobEntity) row[1]);
        }
    }

    private static void complete(AuditEntity a, JobEntity job) {
        Timestamp finish = job.getLastOpDate() == null ? new Timestamp(System.currentTimeMillis()) : job.getLastOpDate();
        a.setFinishDate(finish);
        a.setDuration(Math.max(0, finish.getTime() - a.getStartDate().getTime()));
        if (job.getState() == JobState.Succeeded) {
            a.setResult(SUCCEEDED);
            Map<String, Object> inventory = AuditRecorder.inventoryOf(job.getResultJson() == null ? null : Json.readMap(job.getResultJson()));
            boolean unnamed = a.getResourceUuid() == null && a.getResourceName() == null;
            if (a.getResourceUuid() == null) {
                a.setResourceUuid(AuditRecorder.text(inventory.get("uuid"), 255));
            }
            if (a.getResourceName() == null) {
                a.setResourceName(AuditRecorder.text(inventory.get("name"), 255));
            }
            if (unnamed) {
                a.setDescription(OperationDescriptions.describe(a.getOperationName(), AuditRecorder.target(a)));
            }
        } else {
            a.setResult(FAILED);
            Map<String, Object> error = job.getErrorJson() == null ? Map.of() : Json.readMap(job.getErrorJson());
            a.setErrorCode(AuditRecorder.text(error.get("code"), 64));
            a.setErrorMessage(AuditRecorder.text(error.get("details") != null ? error.get("details") : error.get("description"), 2048));
        }
    }

    /** @param before a time @return how many records started before it were deleted */
    public int deleteBefore(Timestamp before) {
        return em.createQuery("DELETE FROM AuditEntity a WHERE a.startDate < :before").setParameter("before", before).executeUpdate();
    }

    /** @param uuid a record @return it, or null */
    @Transactional(Transactional.TxType.SUPPORTS)
    public AuditEntity find(String uuid) { return em.find(AuditEntity.class, uuid); }

    /** @param request a query @return the page of audit records */
    @Transactional(Transactional.TxType.SUPPORTS)
    public QueryResult<Object> query(QueryRequest request) {
        return queryService.query(em, AuditEntity.class, request, AuditEntity::toInventory);
    }

    /** @param request a query @return the page of the operation log */
    @Transactional(Transactional.TxType.SUPPORTS)
    public QueryResult<Object> queryOperationLogs(QueryRequest request) {
        return queryService.query(em, OperationLogEntity.class, request, OperationLogEntity::toInventory);
    }
}
