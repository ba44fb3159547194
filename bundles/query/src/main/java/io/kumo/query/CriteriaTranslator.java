package io.kumo.query;

import io.kumo.api.query.QueryOperator;

import javax.persistence.criteria.CriteriaBuilder;
import javax.persistence.criteria.Expression;
import javax.persistence.criteria.From;
import javax.persistence.criteria.JoinType;
import javax.persistence.criteria.Order;
import javax.persistence.criteria.Path;
import javax.persistence.criteria.Predicate;
import javax.persistence.criteria.Root;
import javax.persistence.metamodel.Attribute;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Turns a {@link QueryPlan} into JPA Criteria predicates and orders for one query root.
 * <p>
 * Each condition on a dotted path gets its own joins, so {@code nics.ip=a} and {@code nics.ip=b} together match a
 * resource having one nic with each address, as ZStack's per-condition subqueries do. Conditions join with inner joins,
 * except {@code is null}, which left-joins so that resources without the related row match.
 */
final class CriteriaTranslator {
    private CriteriaTranslator() { }

    /**
     * @param cb   the criteria builder
     * @param root the query root
     * @param plan the plan
     * @return the predicates of all conditions
     */
    static Predicate[] predicates(CriteriaBuilder cb, Root<?> root, QueryPlan plan) {
        List<Predicate> predicates = new ArrayList<>(plan.conditions().size());
        for (PlannedCondition condition : plan.conditions()) {
            if (condition instanceof PlannedCondition.OnAttribute onAttribute) {
                predicates.add(predicate(cb, root, onAttribute));
            } else {
                predicates.add(predicate(cb, root, (PlannedCondition.OnUuid) condition));
            }
        }
        return predicates.toArray(new Predicate[0]);
    }

    /**
     * @param cb   the criteria builder
     * @param root the query root
     * @param plan the plan
     * @return the requested order, then the id to make pages stable
     */
    static List<Order> orders(CriteriaBuilder cb, Root<?> root, QueryPlan plan) {
        List<Order> orders = new ArrayList<>(2);
        if (plan.sort() != null) {
            Expression<?> sort = expression(root, plan.sort(), JoinType.LEFT);
            orders.add(plan.ascending() ? cb.asc(sort) : cb.desc(sort));
        }
        if (plan.id() != null && (plan.sort() == null || !plan.sort().text().equals(plan.id().text()))) {
            orders.add(cb.asc(expression(root, plan.id(), JoinType.INNER)));
        }
        return orders;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Predicate predicate(CriteriaBuilder cb, Root<?> root, PlannedCondition.OnAttribute condition) {
        QueryOperator op = condition.operator();
        FieldPath path = condition.path();
        if (path.end() == FieldPath.End.ENTITIES) {
            Expression<Collection<?>> collection = (Expression<Collection<?>>) expression(root, path, JoinType.INNER);
            return op == QueryOperator.IS_NULL ? cb.isEmpty(collection) : cb.isNotEmpty(collection);
        }
        Expression expression = expression(root, path,
                op == QueryOperator.IS_NULL ? JoinType.LEFT : JoinType.INNER);
        return switch (op) {
            case EQ -> cb.equal(expression, condition.value());
            case NOT_EQ -> cb.notEqual(expression, condition.value());
            case GT -> cb.greaterThan(expression, (Comparable) condition.value());
            case LT -> cb.lessThan(expression, (Comparable) condition.value());
            case GE -> cb.greaterThanOrEqualTo(expression, (Comparable) condition.value());
            case LE -> cb.lessThanOrEqualTo(expression, (Comparable) condition.value());
            case IN -> expression.in(condition.values());
            case NOT_IN -> cb.not(expression.in(condition.values()));
            case LIKE -> cb.like(expression, (String) condition.value());
            case NOT_LIKE -> cb.notLike(expression, (String) condition.value());
            case IS_NULL -> cb.isNull(expression);
            case NOT_NULL -> cb.isNotNull(expression);
        };
    }

    private static Predicate predicate(CriteriaBuilder cb, Root<?> root, PlannedCondition.OnUuid condition) {
        if (condition.uuids().isEmpty()) {
            // nobody has a matching tag: excluding them keeps every row, requiring one keeps none
            return condition.exclude() ? cb.conjunction() : cb.disjunction();
        }
        Predicate in = expression(root, condition.uuid(), JoinType.INNER).in(condition.uuids());
        return condition.exclude() ? cb.not(in) : in;
    }

    /**
     * @param root     the query root
     * @param path     a resolved path
     * @param joinType how relationships along the path are joined
     * @return the expression of the path's last attribute; a value collection is joined and its element returned
     */
    private static Expression<?> expression(Root<?> root, FieldPath path, JoinType joinType) {
        Path<?> current = root;
        List<Attribute<?, ?>> attributes = path.attributes();
        for (int i = 0; i < attributes.size(); i++) {
            Attribute<?, ?> attribute = attributes.get(i);
            boolean last = i == attributes.size() - 1;
            boolean joined = attribute.isCollection() ? !last || path.end() == FieldPath.End.VALUES
                    : !last && attribute.isAssociation();
            if (!joined) {
                current = current.get(attribute.getName());
            } else if (current instanceof From<?, ?> from) {
                current = from.join(attribute.getName(), joinType);
            } else {
                // the resolver rejects such paths
                throw new IllegalStateException("cannot join '" + attribute.getName() + "' in " + path.text());
            }
        }
        return current;
    }
}
