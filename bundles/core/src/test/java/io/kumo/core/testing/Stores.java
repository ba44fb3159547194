package io.kumo.core.testing;

import io.kumo.api.config.GlobalConfigDefinition;
import io.kumo.api.job.JobState;
import io.kumo.api.query.QueryOperator;
import io.kumo.api.query.QueryRequest;
import io.kumo.api.query.QueryResult;
import io.kumo.api.query.QueryService;
import io.kumo.api.tag.TagType;
import io.kumo.core.config.GlobalConfigEntity;
import io.kumo.core.config.GlobalConfigInventory;
import io.kumo.core.config.GlobalConfigStore;
import io.kumo.core.job.JobEntity;
import io.kumo.core.job.JobStore;
import io.kumo.core.licence.LicenceEntity;
import io.kumo.core.licence.LicenceStore;
import io.kumo.core.node.ManagementNodeEntity;
import io.kumo.core.node.ManagementNodeStore;
import io.kumo.core.session.AccountEntity;
import io.kumo.core.session.SessionEntity;
import io.kumo.core.session.SessionStore;
import io.kumo.core.tag.TagEntity;
import io.kumo.core.tag.TagStore;
import io.kumo.core.zone.ZoneEntity;
import io.kumo.core.zone.ZoneStore;

import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The kernel's stores as the tests use them: each public method runs in its own transaction of a {@link Database}
 * (what {@code @Transactional} does in OSGi). {@code StoresTest} checks that every public store method is wrapped.
 */
public final class Stores {
    private Stores() { }

    /** @param db the database @return a job store on it */
    public static JobStore jobs(Database db) {
        JobStore s = new JobStore() {
            @Override public void create(JobEntity job) { db.inTransaction(() -> super.create(job)); }
            @Override public JobEntity find(String uuid) { return db.inTransaction(() -> super.find(uuid)); }
            @Override public boolean recordStep(String uuid, JobState state, String currentStep, int progress, String message,
                                                int completedSteps, String contextJson) {
                return db.inTransaction(() -> super.recordStep(uuid, state, currentStep, progress, message, completedSteps, contextJson));
            }
            @Override public void finish(String uuid, JobState state, int progress, String resultJson, String errorJson, String contextJson) {
                db.inTransaction(() -> super.finish(uuid, state, progress, resultJson, errorJson, contextJson));
            }
            @Override public List<JobEntity> unfinishedOn(String nodeUuid) { return db.inTransaction(() -> super.unfinishedOn(nodeUuid)); }
            @Override public List<JobEntity> unfinishedOutside(Collection<String> liveNodes) {
                return db.inTransaction(() -> super.unfinishedOutside(liveNodes));
            }
            @Override public boolean claim(String uuid, String from, String to) { return db.inTransaction(() -> super.claim(uuid, from, to)); }
            @Override public int deleteFinishedBefore(Timestamp before) { return db.inTransaction(() -> super.deleteFinishedBefore(before)); }
        };
        s.setEntityManager(db.entityManager());
        return s;
    }

    /** @param db the database @param queries runs queries (null if the test does not query) @return a zone store */
    public static ZoneStore zones(Database db, QueryService queries) {
        ZoneStore s = new ZoneStore(queries) {
            @Override public void create(ZoneEntity zone) { db.inTransaction(() -> super.create(zone)); }
            @Override public ZoneEntity find(String uuid) { return db.inTransaction(() -> super.find(uuid)); }
            @Override public boolean exists(String uuid) { return db.inTransaction(() -> super.exists(uuid)); }
            @Override public ZoneEntity update(String uuid, Consumer<ZoneEntity> changes) { return db.inTransaction(() -> super.update(uuid, changes)); }
            @Override public void clearDefaultExcept(String uuid) { db.inTransaction(() -> super.clearDefaultExcept(uuid)); }
            @Override public boolean delete(String uuid) { return db.inTransaction(() -> super.delete(uuid)); }
            @Override public void restore(java.util.Map<?, ?> snapshot) { db.inTransaction(() -> super.restore(snapshot)); }
            @Override public List<String> defaultZonesExcept(String uuid) { return db.inTransaction(() -> super.defaultZonesExcept(uuid)); }
            @Override public QueryResult<Object> query(QueryRequest request) { return db.inTransaction(() -> super.query(request)); }
        };
        s.setEntityManager(db.entityManager());
        return s;
    }

    /** @param db the database @param queries runs queries (null if the test does not query) @return a configuration store */
    public static GlobalConfigStore globalConfigs(Database db, QueryService queries) {
        GlobalConfigStore s = new GlobalConfigStore(queries) {
            @Override public String define(GlobalConfigDefinition def) { return db.inTransaction(() -> super.define(def)); }
            @Override public List<GlobalConfigEntity> all() { return db.inTransaction(super::all); }
            @Override public GlobalConfigEntity find(String category, String name) { return db.inTransaction(() -> super.find(category, name)); }
            @Override public GlobalConfigInventory updateValue(String category, String name, String value) {
                return db.inTransaction(() -> super.updateValue(category, name, value));
            }
            @Override public QueryResult<Object> query(QueryRequest request) { return db.inTransaction(() -> super.query(request)); }
        };
        s.setEntityManager(db.entityManager());
        return s;
    }

    /** @param db the database @param queries runs queries (null if the test does not query) @return a tag store */
    public static TagStore tags(Database db, QueryService queries) {
        TagStore s = new TagStore(queries) {
            @Override public void create(TagEntity tag) { db.inTransaction(() -> super.create(tag)); }
            @Override public TagEntity find(String uuid) { return db.inTransaction(() -> super.find(uuid)); }
            @Override public boolean delete(String uuid) { return db.inTransaction(() -> super.delete(uuid)); }
            @Override public TagEntity updateText(String uuid, String text) { return db.inTransaction(() -> super.updateText(uuid, text)); }
            @Override public int deleteByResource(String resourceUuid) { return db.inTransaction(() -> super.deleteByResource(resourceUuid)); }
            @Override public void restore(List<?> snapshots) { db.inTransaction(() -> super.restore(snapshots)); }
            @Override public List<java.util.Map<String, Object>> snapshotsOf(String resourceUuid) { return db.inTransaction(() -> super.snapshotsOf(resourceUuid)); }
            @Override public List<TagEntity> byResource(String resourceUuid) { return db.inTransaction(() -> super.byResource(resourceUuid)); }
            @Override public Set<String> resourcesWithTag(TagType type, QueryOperator op, String value) {
                return db.inTransaction(() -> super.resourcesWithTag(type, op, value));
            }
            @Override public QueryResult<Object> query(QueryRequest request) { return db.inTransaction(() -> super.query(request)); }
        };
        s.setEntityManager(db.entityManager());
        return s;
    }

    /** @param db the database @param queries runs queries (null if the test does not query) @return a node store */
    public static ManagementNodeStore nodes(Database db, QueryService queries) {
        ManagementNodeStore s = new ManagementNodeStore(queries) {
            @Override public void join(String uuid, String hostName, String version, Timestamp now) {
                db.inTransaction(() -> super.join(uuid, hostName, version, now));
            }
            @Override public void heartbeat(String uuid, Timestamp now) { db.inTransaction(() -> super.heartbeat(uuid, now)); }
            @Override public int markUnreachable(Timestamp heartbeatBefore) { return db.inTransaction(() -> super.markUnreachable(heartbeatBefore)); }
            @Override public void leave(String uuid) { db.inTransaction(() -> super.leave(uuid)); }
            @Override public List<ManagementNodeEntity> all() { return db.inTransaction(super::all); }
            @Override public QueryResult<Object> query(QueryRequest request) { return db.inTransaction(() -> super.query(request)); }
        };
        s.setEntityManager(db.entityManager());
        return s;
    }

    /** @param db the database @return a session store */
    public static SessionStore sessions(Database db) {
        SessionStore s = new SessionStore() {
            @Override public AccountEntity accountByName(String name) { return db.inTransaction(() -> super.accountByName(name)); }
            @Override public AccountEntity account(String uuid) { return db.inTransaction(() -> super.account(uuid)); }
            @Override public boolean createAccountIfAbsent(AccountEntity account) { return db.inTransaction(() -> super.createAccountIfAbsent(account)); }
            @Override public void createSession(SessionEntity session) { db.inTransaction(() -> super.createSession(session)); }
            @Override public SessionEntity session(String uuid) { return db.inTransaction(() -> super.session(uuid)); }
            @Override public boolean deleteSession(String uuid) { return db.inTransaction(() -> super.deleteSession(uuid)); }
            @Override public int deleteExpired(Timestamp now) { return db.inTransaction(() -> super.deleteExpired(now)); }
        };
        s.setEntityManager(db.entityManager());
        return s;
    }

    /** @param db the database @return a licence store on it */
    public static LicenceStore licences(Database db) {
        LicenceStore s = new LicenceStore() {
            @Override public List<LicenceEntity> all() { return db.inTransaction(super::all); }
            @Override public LicenceEntity find(String uuid) { return db.inTransaction(() -> super.find(uuid)); }
            @Override public void put(LicenceEntity licence) { db.inTransaction(() -> super.put(licence)); }
            @Override public boolean delete(String uuid) { return db.inTransaction(() -> super.delete(uuid)); }
            @Override public boolean markReminded(String uuid, int days) { return db.inTransaction(() -> super.markReminded(uuid, days)); }
        };
        s.setEntityManager(db.entityManager());
        return s;
    }

    /** @param db the database @param queries runs queries (null if the test does not query) @return an audit store */
    public static io.kumo.core.audit.AuditStore audits(Database db, QueryService queries) {
        io.kumo.core.audit.AuditStore s = new io.kumo.core.audit.AuditStore(queries) {
            @Override public void write(List<io.kumo.core.audit.AuditEntity> batch) { db.inTransaction(() -> super.write(batch)); }
            @Override public void completeJobs() { db.inTransaction(super::completeJobs); }
            @Override public int deleteBefore(Timestamp before) { return db.inTransaction(() -> super.deleteBefore(before)); }
            @Override public io.kumo.core.audit.AuditEntity find(String uuid) { return db.inTransaction(() -> super.find(uuid)); }
            @Override public QueryResult<Object> query(QueryRequest request) { return db.inTransaction(() -> super.query(request)); }
            @Override public QueryResult<Object> queryOperationLogs(QueryRequest request) {
                return db.inTransaction(() -> super.queryOperationLogs(request));
            }
        };
        s.setEntityManager(db.entityManager());
        return s;
    }
}
