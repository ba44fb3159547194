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
import io.kumo.core.identity.IdentityStore;
import io.kumo.core.identity.group.UserGroupEntity;
import io.kumo.core.identity.ownership.AccountResourceRefEntity;
import io.kumo.core.identity.ownership.OwnershipStore;
import io.kumo.core.identity.quota.QuotaEntity;
import io.kumo.core.identity.quota.QuotaInventory;
import io.kumo.core.identity.quota.QuotaStore;
import io.kumo.core.identity.policy.PolicyEntity;
import io.kumo.core.identity.user.UserEntity;
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
import java.util.function.Function;

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
            @Override public void delete(String uuid) { db.inTransaction(() -> super.delete(uuid)); }
            @Override public void holdQuota(String uuid, io.kumo.core.identity.quota.QuotaCharges charges) {
                db.inTransaction(() -> super.holdQuota(uuid, charges));
            }
            @Override public List<QuotaHold> quotaHeldByUnfinishedJobs() {
                return db.inTransaction(super::quotaHeldByUnfinishedJobs);
            }
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

    /** The authorization manager as the blueprint wires it, on the test database (no other node to tell of policy changes). */
    public static io.kumo.core.identity.AuthorizationManager authorization(Database db, io.kumo.core.identity.ownership.OwnershipStore ownership) {
        return new io.kumo.core.identity.AuthorizationManager(new io.kumo.core.identity.policy.UserPolicyCache(identities(db, null), null),
                ownership);
    }

    /** @param db the database @param queries the query service, or null @return an identity store */
    public static IdentityStore identities(Database db, QueryService queries) {
        IdentityStore s = new IdentityStore(queries) {
            @Override public void persist(Object entity) { db.inTransaction(() -> super.persist(entity)); }
            @Override public <T> T find(Class<T> type, Object id) { return db.inTransaction(() -> super.find(type, id)); }
            @Override public <T> T update(Class<T> type, Object id, Consumer<T> change) { return db.inTransaction(() -> super.update(type, id, change)); }
            @Override public AccountEntity accountByName(String name) { return db.inTransaction(() -> super.accountByName(name)); }
            @Override public UserEntity userByName(String a, String n) { return db.inTransaction(() -> super.userByName(a, n)); }
            @Override public UserGroupEntity groupByName(String a, String n) { return db.inTransaction(() -> super.groupByName(a, n)); }
            @Override public List<String> groupsOf(String u) { return db.inTransaction(() -> super.groupsOf(u)); }
            @Override public List<PolicyEntity> policiesOf(Collection<String> p) { return db.inTransaction(() -> super.policiesOf(p)); }
            @Override public boolean addToGroup(String g, String u) { return db.inTransaction(() -> super.addToGroup(g, u)); }
            @Override public boolean removeFromGroup(String g, String u) { return db.inTransaction(() -> super.removeFromGroup(g, u)); }
            @Override public boolean attach(String p, String u, String t) { return db.inTransaction(() -> super.attach(p, u, t)); }
            @Override public boolean detach(String p, String u) { return db.inTransaction(() -> super.detach(p, u)); }
            @Override public void deleteUser(String uuid) { db.inTransaction(() -> super.deleteUser(uuid)); }
            @Override public void deleteGroup(String uuid) { db.inTransaction(() -> super.deleteGroup(uuid)); }
            @Override public void deletePolicy(String uuid) { db.inTransaction(() -> super.deletePolicy(uuid)); }
            @Override public void deleteAccount(String uuid) { db.inTransaction(() -> super.deleteAccount(uuid)); }
            @Override public List<String> sessionsOf(String f, String u) { return db.inTransaction(() -> super.sessionsOf(f, u)); }
            @Override public <E> QueryResult<Object> query(Class<E> type, QueryRequest request, Function<E, ?> toInventory) {
                return db.inTransaction(() -> super.query(type, request, toInventory));
            }
        };
        s.setEntityManager(db.entityManager());
        return s;
    }

    /** @param db the database @param queries the query service, or null @return an ownership store */
    public static OwnershipStore ownership(Database db, QueryService queries) {
        OwnershipStore s = new OwnershipStore(queries) {
            @Override public AccountResourceRefEntity ref(String r) { return db.inTransaction(() -> super.ref(r)); }
            @Override public void setOwner(String r, String t, String a) { db.inTransaction(() -> super.setOwner(r, t, a)); }
            @Override public boolean forget(String r) { return db.inTransaction(() -> super.forget(r)); }
            @Override public boolean isSharedWith(String r, String a) { return db.inTransaction(() -> super.isSharedWith(r, a)); }
            @Override public List<String> owned(String a, String t) { return db.inTransaction(() -> super.owned(a, t)); }
            @Override public long countOwnedExcept(String a, Collection<String> t) { return db.inTransaction(() -> super.countOwnedExcept(a, t)); }
            @Override public List<String> visible(String a) { return db.inTransaction(() -> super.visible(a)); }
            @Override public void share(AccountResourceRefEntity ref, Collection<String> r) { db.inTransaction(() -> super.share(ref, r)); }
            @Override public int revoke(String r, Collection<String> a) { return db.inTransaction(() -> super.revoke(r, a)); }
            @Override public QueryResult<Object> queryRefs(QueryRequest q) { return db.inTransaction(() -> super.queryRefs(q)); }
            @Override public QueryResult<Object> queryShares(QueryRequest q) { return db.inTransaction(() -> super.queryShares(q)); }
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

    /** @param db the database @param queries the query service, or null @return a quota store */
    public static QuotaStore quotas(Database db, QueryService queries) {
        QuotaStore s = new QuotaStore(queries) {
            @Override public QuotaEntity find(String a, String n) { return db.inTransaction(() -> super.find(a, n)); }
            @Override public QuotaInventory set(String a, String n, long v) { return db.inTransaction(() -> super.set(a, n, v)); }
            @Override public QueryResult<Object> query(QueryRequest q) { return db.inTransaction(() -> super.query(q)); }
        };
        s.setEntityManager(db.entityManager());
        return s;
    }
}
