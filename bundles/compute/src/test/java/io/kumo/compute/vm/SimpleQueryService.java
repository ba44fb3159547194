package io.kumo.compute.vm;

import io.kumo.api.operation.OperationRequest;
import io.kumo.api.query.QueryCondition;
import io.kumo.api.query.QueryRequest;
import io.kumo.api.query.QueryResult;
import io.kumo.api.query.QueryService;

import javax.persistence.EntityManager;
import javax.persistence.criteria.CriteriaBuilder;
import javax.persistence.criteria.CriteriaQuery;
import javax.persistence.criteria.From;
import javax.persistence.criteria.Path;
import javax.persistence.criteria.Predicate;
import javax.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Equality conditions on fields and one-level joins ({@code vmNics.ip}), paging and counting: the part of the query
 * service the VM store tests need. (The real JpaQueryService needs the Blueprint API on the class path, which the
 * compute bundle's test dependencies lack.)
 */
class SimpleQueryService implements QueryService {
    @Override public QueryRequest parse(OperationRequest request) { throw new UnsupportedOperationException(); }

    @Override
    public <E> QueryResult<Object> query(EntityManager em, Class<E> entity, QueryRequest request, Function<E, ?> toInventory) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        Long total = null;
        if (request.count() || request.replyWithCount()) {
            CriteriaQuery<Long> count = cb.createQuery(Long.class);
            Root<E> root = count.from(entity);
            total = em.createQuery(count.select(cb.countDistinct(root)).where(where(cb, root, request))).getSingleResult();
        }
        CriteriaQuery<E> q = cb.createQuery(entity);
        Root<E> root = q.from(entity);
        q.select(root).distinct(true).where(where(cb, root, request)).orderBy(cb.asc(root.get("uuid")));
        List<Object> rows = new ArrayList<>();
        for (E e : em.createQuery(q).setFirstResult(request.start()).setMaxResults(request.limit()).getResultList()) {
            rows.add(toInventory.apply(e));
        }
        return new QueryResult<>(rows, total);
    }

    private static Predicate[] where(CriteriaBuilder cb, Root<?> root, QueryRequest request) {
        List<Predicate> out = new ArrayList<>();
        for (QueryCondition c : request.conditions()) {
            String[] path = c.field().split("\\.");
            Path<?> p = path.length == 1 ? root.get(path[0]) : ((From<?, ?>) root).join(path[0]).get(path[1]);
            out.add(cb.equal(p, c.value()));
        }
        return out.toArray(new Predicate[0]);
    }
}
