package io.kumo.query;

import io.kumo.api.query.QueryOperator;

import java.util.List;
import java.util.Set;

/** A condition checked against the entity and ready to become a JPA predicate. */
sealed interface PlannedCondition {

    /** @return true if the predicate joins a collection, so rows of the entity may repeat */
    boolean throughCollection();

    /**
     * A condition on an attribute of the entity or of a related entity.
     *
     * @param path     the attribute path
     * @param operator the operator
     * @param values   the values converted to the attribute type: none for unary operators, one for scalar
     *                 operators, the list for IN and NOT_IN
     */
    record OnAttribute(FieldPath path, QueryOperator operator, List<Object> values) implements PlannedCondition {
        /** Copies the values (which are never null). */
        public OnAttribute {
            values = List.copyOf(values);
        }

        @Override public boolean throughCollection() { return path.throughCollection(); }

        /** @return the only value of a scalar operator */
        Object value() { return values.get(0); }
    }

    /**
     * A restriction of the entity's uuid to, or away from, a set found by a tag lookup.
     *
     * @param uuid    the path of the uuid attribute
     * @param uuids   the uuids of resources with a matching tag
     * @param exclude true to keep only the other resources
     */
    record OnUuid(FieldPath uuid, Set<String> uuids, boolean exclude) implements PlannedCondition {
        /** Copies the uuids. */
        public OnUuid {
            uuids = Set.copyOf(uuids);
        }

        @Override public boolean throughCollection() { return false; }
    }
}
