package io.kumo.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.query.QueryOperator;
import io.kumo.api.query.QueryRequest;
import io.kumo.api.query.QueryResult;
import io.kumo.api.query.QueryService;
import io.kumo.api.tag.TagService;
import io.kumo.api.tag.TagType;
import org.osgi.service.blueprint.container.ServiceUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;
import javax.persistence.criteria.CriteriaBuilder;
import javax.persistence.criteria.CriteriaQuery;
import javax.persistence.criteria.Root;
import javax.persistence.metamodel.PluralAttribute;
import javax.persistence.metamodel.EntityType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The {@link QueryService}: parses the standard query parameters and runs queries with the JPA Criteria API on the
 * caller's entity manager. Every field is checked against the JPA metamodel before anything runs, so unknown fields
 * and values of the wrong type are 400s, never database errors.
 * <p>
 * Tag conditions ({@code __userTag__}, {@code __systemTag__}) need a {@link TagService}; it is optional and may come
 * and go ({@link #bindTagService}, {@link #unbindTagService}).
 */
public final class JpaQueryService implements QueryService {
    private static final Logger LOG = LoggerFactory.getLogger(JpaQueryService.class);
    /** EclipseLink's read-only query hint (QueryHints.READ_ONLY), by name: this bundle compiles against JPA only. */
    private static final String READ_ONLY_HINT = "eclipselink.read-only";
    /** EclipseLink's batch reading hints (QueryHints.BATCH, BATCH_TYPE, BATCH_SIZE), by name. */
    private static final String BATCH_HINT = "eclipselink.batch";
    private static final String BATCH_TYPE_HINT = "eclipselink.batch.type";
    private static final String BATCH_SIZE_HINT = "eclipselink.batch.size";
    /**
     * Pages longer than this read the rows' collections by one join on the query's own conditions; shorter ones by
     * {@code IN (ids)} of {@link #IN_BATCH_SIZE} rows at a time. A join ignores the page bounds, so it pays only when
     * the page is most of the result; an {@code IN} list of thousands of ids costs the database far more.
     */
    private static final int JOIN_BATCH_ABOVE = 1000;
    private static final int IN_BATCH_SIZE = 100;

    private final QueryRequestParser parser = new QueryRequestParser();
    private final FieldProjector projector = new FieldProjector(new ObjectMapper()
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setDateFormat(io.kumo.api.inventory.WireFormat.dateFormat()));
    private volatile TagService tagService;

    /** @param tagService the tag service for tag conditions, or null if there is none */
    public void setTagService(TagService tagService) {
        this.tagService = tagService;
    }

    /** @param service the tag service that became available */
    public void bindTagService(TagService service) {
        setTagService(service);
        LOG.info("Tag conditions enabled: a tag service is available");
    }

    /** @param service the tag service that went away */
    public void unbindTagService(TagService service) {
        if (tagService != null) {
            LOG.info("Tag conditions disabled: the tag service went away");
        }
        setTagService(null);
    }

    @Override
    public QueryRequest parse(OperationRequest request) {
        return parser.parse(Objects.requireNonNull(request, "request"));
    }

    @Override
    public <E> QueryResult<Object> query(EntityManager em, Class<E> entity, QueryRequest request,
                                         Function<E, ?> toInventory) {
        Objects.requireNonNull(em, "em");
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(toInventory, "toInventory");
        EntityType<E> type = em.getMetamodel().entity(entity);
        QueryPlan plan = QueryPlanner.plan(type, request, this::resourcesWithTag);
        Long total = request.count() || request.replyWithCount() ? count(em, entity, plan) : null;
        if (request.count()) {
            return new QueryResult<>(List.of(), total);
        }
        List<Object> rows = new ArrayList<>();
        for (E row : page(em, entity, plan)) {
            Object inventory = toInventory.apply(row);
            rows.add(plan.fields().isEmpty() ? inventory : projector.project(inventory, plan.fields()));
        }
        return new QueryResult<>(rows, total);
    }

    private static <E> long count(EntityManager em, Class<E> entity, QueryPlan plan) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        Root<E> root = query.from(entity);
        query.select(plan.distinct() ? cb.countDistinct(root) : cb.count(root))
                .where(CriteriaTranslator.predicates(cb, root, plan));
        return em.createQuery(query).getSingleResult();
    }

    private static <E> List<E> page(EntityManager em, Class<E> entity, QueryPlan plan) {
        if (plan.limit() == 0) {
            // some providers read a maximum of 0 rows as "no maximum"
            return List.of();
        }
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<E> query = cb.createQuery(entity);
        Root<E> root = query.from(entity);
        query.select(root)
                .distinct(plan.distinct())
                .where(CriteriaTranslator.predicates(cb, root, plan))
                .orderBy(CriteriaTranslator.orders(cb, root, plan));
        TypedQuery<E> typed = em.createQuery(query)
                // rows are only read to build inventories: not registering them for change tracking makes a
                // 25,000-VM list about twice as fast (a provider that does not know the hints ignores them)
                .setHint(READ_ONLY_HINT, "true")
                .setFirstResult(plan.start())
                .setMaxResults(plan.limit());
        // every collection of the rows (a VM's NICs and volumes, ...) is read for the whole page at once, not per row
        for (PluralAttribute<? super E, ?, ?> collection : em.getMetamodel().entity(entity).getPluralAttributes()) {
            typed.setHint(BATCH_HINT, "e." + collection.getName());
        }
        boolean join = plan.limit() > JOIN_BATCH_ABOVE;
        typed.setHint(BATCH_TYPE_HINT, join ? "JOIN" : "IN");
        if (!join) {
            typed.setHint(BATCH_SIZE_HINT, IN_BATCH_SIZE);
        }
        return typed.getResultList();
    }

    private Set<String> resourcesWithTag(TagType type, QueryOperator operator, String value) {
        TagService tags = tagService;
        if (tags == null) {
            throw noTagService();
        }
        try {
            return tags.resourcesWithTag(type, operator, value);
        } catch (ServiceUnavailableException e) {
            LOG.debug("Tag service went away during a query", e);
            throw noTagService();
        }
    }

    private static RuntimeException noTagService() {
        return QueryErrors.invalid("tag conditions need the tag service, which is not available; "
                + "query without __userTag__ and __systemTag__ conditions");
    }
}
