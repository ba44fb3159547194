package io.kumo.api.query;

import java.util.Objects;

/**
 * One condition: a field (dotted for joins, e.g. {@code vmNics.ip}), an operator and a value.
 *
 * @param field    the field name or dotted path
 * @param operator the operator
 * @param value    the value as given (comma-separated for IN), null for unary operators
 */
public record QueryCondition(String field, QueryOperator operator, String value) {
    /** Canonical constructor: field and operator are required. */
    public QueryCondition {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(operator, "operator");
    }
}
