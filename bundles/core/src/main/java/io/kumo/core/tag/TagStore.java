package io.kumo.core.tag;

import io.kumo.api.query.QueryOperator;
import io.kumo.api.query.QueryRequest;
import io.kumo.api.query.QueryResult;
import io.kumo.api.query.QueryService;
import io.kumo.api.tag.TagType;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceContext;
import javax.persistence.TypedQuery;
import javax.transaction.Transactional;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Persists tags. */
@Transactional
public class TagStore {
    @PersistenceContext(unitName = "kumo")
    private EntityManager em;
    private final QueryService queryService;

    /** @param queryService runs tag queries */
    public TagStore(QueryService queryService) { this.queryService = queryService; }

    /** @param em the entity manager (tests) */
    public void setEntityManager(EntityManager em) { this.em = em; }

    /** @param tag a new tag */
    public void create(TagEntity tag) { em.persist(tag); }

    /** @param uuid a tag @return it or null */
    @Transactional(Transactional.TxType.SUPPORTS)
    public TagEntity find(String uuid) { return em.find(TagEntity.class, uuid); }

    /** Re-creates deleted tags exactly as snapshotted (same uuids and dates); existing ones are left alone. */
    public void restore(java.util.List<?> snapshots) {
        for (Object o : snapshots) {
            TagEntity t = TagEntity.fromSnapshot((java.util.Map<?, ?>) o);
            if (em.find(TagEntity.class, t.getUuid()) == null) {
                em.persist(t);
            }
        }
    }

    /** @param resourceUuid a resource @return snapshots of its tags */
    @Transactional(Transactional.TxType.SUPPORTS)
    public java.util.List<java.util.Map<String, Object>> snapshotsOf(String resourceUuid) {
        return byResource(resourceUuid).stream().map(TagEntity::snapshot).toList();
    }

    /** @param uuid a tag @return true if it existed */
    public boolean delete(String uuid) {
        TagEntity t = em.find(TagEntity.class, uuid);
        if (t == null) {
            return false;
        }
        em.remove(t);
        return true;
    }

    /** @param uuid a tag @param text new text @return the tag, or null */
    public TagEntity updateText(String uuid, String text) {
        TagEntity t = em.find(TagEntity.class, uuid);
        if (t != null) {
            t.setTag(text);
            t.setLastOpDate(new java.sql.Timestamp(System.currentTimeMillis()));
        }
        return t;
    }

    /** @param resourceUuid a resource @return how many tags were removed */
    public int deleteByResource(String resourceUuid) {
        return em.createQuery("DELETE FROM TagEntity t WHERE t.resourceUuid = :r").setParameter("r", resourceUuid).executeUpdate();
    }

    /** @param resourceUuid a resource @return its tags */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TagEntity> byResource(String resourceUuid) {
        return em.createQuery("SELECT t FROM TagEntity t WHERE t.resourceUuid = :r ORDER BY t.createDate", TagEntity.class)
                .setParameter("r", resourceUuid).getResultList();
    }

    /** @return uuids of resources with a tag of that type matching the positive operator */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Set<String> resourcesWithTag(TagType type, QueryOperator op, String value) {
        String base = "SELECT DISTINCT t.resourceUuid FROM TagEntity t WHERE t.type = :type";
        TypedQuery<String> q = switch (op) {
            case EQ, NOT_EQ -> em.createQuery(base + " AND t.tag = :v", String.class).setParameter("v", value);
            case LIKE, NOT_LIKE -> em.createQuery(base + " AND t.tag LIKE :v", String.class).setParameter("v", value);
            case IN, NOT_IN -> em.createQuery(base + " AND t.tag IN :v", String.class)
                    .setParameter("v", Arrays.asList(value.split(",")));
            case IS_NULL, NOT_NULL -> em.createQuery(base, String.class);
            default -> throw new IllegalArgumentException("tags are text: operator " + op.symbol() + " does not apply");
        };
        return new HashSet<>(q.setParameter("type", type).getResultList());
    }

    /** @param type which tags @param request a query @return the page */
    @Transactional(Transactional.TxType.SUPPORTS)
    public QueryResult<Object> query(QueryRequest request) {
        return queryService.query(em, TagEntity.class, request, TagEntity::toInventory);
    }
}
