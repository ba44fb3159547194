package io.kumo.query;

import io.kumo.api.query.QueryCondition;
import io.kumo.api.query.QueryOperator;
import io.kumo.api.query.QueryRequest;
import io.kumo.api.tag.TagType;

import javax.persistence.metamodel.EntityType;
import javax.persistence.metamodel.ManagedType;
import javax.persistence.metamodel.PluralAttribute;
import javax.persistence.metamodel.SingularAttribute;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks a {@link QueryRequest} against the JPA metamodel of the queried entity: resolves every condition field, sort
 * field and selected field, converts values to the attribute types and looks up tag conditions.
 */
final class QueryPlanner {
    private static final String TAG_OPERATORS = "=, !=, ?=, !?=, ~=, !~=, is null, not null";

    private QueryPlanner() { }

    /**
     * @param entity  the queried entity
     * @param request the query
     * @param tags    the tag lookup for tag conditions
     * @return the plan
     * @throws io.kumo.api.error.ApiException INVALID_QUERY for unknown fields, misused operators and bad values
     */
    static QueryPlan plan(EntityType<?> entity, QueryRequest request, TagLookup tags) {
        if (request.limit() < 0 || request.start() < 0) {
            throw QueryErrors.invalid("limit and start must not be negative (limit=" + request.limit() + ", start="
                    + request.start() + ")");
        }
        List<PlannedCondition> conditions = new ArrayList<>(request.conditions().size());
        for (QueryCondition condition : request.conditions()) {
            conditions.add(isTagField(condition.field())
                    ? onTags(entity, condition, tags)
                    : onAttribute(entity, condition));
        }
        FieldPath sort = request.sortBy() == null ? null : sortPath(entity, request.sortBy());
        List<String> fields = new ArrayList<>(request.fields().size());
        for (String field : request.fields()) {
            fields.add(selectedField(entity, field));
        }
        boolean distinct = conditions.stream().anyMatch(PlannedCondition::throughCollection);
        return new QueryPlan(conditions, sort, request.ascending(), idPath(entity), distinct, fields,
                request.limit(), request.start());
    }

    private static boolean isTagField(String field) {
        return TagLookup.USER_TAG_FIELD.equals(field) || TagLookup.SYSTEM_TAG_FIELD.equals(field);
    }

    private static PlannedCondition onAttribute(EntityType<?> entity, QueryCondition condition) {
        FieldPath path = MetamodelFieldResolver.resolve(entity, condition.field());
        QueryOperator op = condition.operator();
        switch (path.end()) {
            case ENTITY, ENTITIES -> {
                if (!op.unary()) {
                    throw QueryErrors.invalid("field '" + path.text() + "' of " + MetamodelFieldResolver.nameOf(entity)
                            + " is a relationship: only 'is null' and 'not null' apply to it; compare one of its "
                            + "fields instead (" + path.text() + ".<field>, fields of "
                            + MetamodelFieldResolver.nameOf(target(path)) + ": "
                            + MetamodelFieldResolver.knownFields(target(path)) + ")");
                }
                return new PlannedCondition.OnAttribute(path, op, List.of());
            }
            case EMBEDDED -> throw QueryErrors.invalid("field '" + path.text() + "' of "
                    + MetamodelFieldResolver.nameOf(entity) + " is an embedded object; compare one of its fields ("
                    + path.text() + ".<field>, fields: " + MetamodelFieldResolver.knownFields(target(path)) + ")");
            default -> {
                return valueCondition(entity, condition, path);
            }
        }
    }

    private static PlannedCondition valueCondition(EntityType<?> entity, QueryCondition condition, FieldPath path) {
        QueryOperator op = condition.operator();
        if (op.unary()) {
            return new PlannedCondition.OnAttribute(path, op, List.of());
        }
        Class<?> type = path.valueType();
        String where = "field '" + path.text() + "' of " + MetamodelFieldResolver.nameOf(entity);
        if (!QueryValueConverter.supported(type)) {
            throw QueryErrors.invalid(where + " is of type " + type.getSimpleName()
                    + ", which conditions cannot compare; only 'is null' and 'not null' apply to it");
        }
        if ((op == QueryOperator.LIKE || op == QueryOperator.NOT_LIKE) && type != String.class) {
            throw QueryErrors.invalid("operator '" + op.symbol() + "' applies to text fields only; " + where
                    + " expects " + QueryValueConverter.describe(type) + "; use = or ?= instead");
        }
        boolean ordering = op == QueryOperator.GT || op == QueryOperator.LT || op == QueryOperator.GE
                || op == QueryOperator.LE;
        if (ordering && !QueryValueConverter.ordered(type)) {
            throw QueryErrors.invalid("operator '" + op.symbol() + "' does not apply to " + where + ", which expects "
                    + QueryValueConverter.describe(type) + "; use =, !=, ?= or !?= instead");
        }
        List<Object> values = new ArrayList<>();
        if (op.listValued()) {
            for (String item : condition.value().split(",", -1)) {
                values.add(QueryValueConverter.convert(path.text(), type, item));
            }
        } else {
            values.add(QueryValueConverter.convert(path.text(), type, condition.value()));
        }
        return new PlannedCondition.OnAttribute(path, op, values);
    }

    private static PlannedCondition onTags(EntityType<?> entity, QueryCondition condition, TagLookup tags) {
        QueryOperator op = condition.operator();
        QueryOperator positive = switch (op) {
            case EQ, IN, LIKE, NOT_NULL -> op;
            case NOT_EQ -> QueryOperator.EQ;
            case NOT_IN -> QueryOperator.IN;
            case NOT_LIKE -> QueryOperator.LIKE;
            case IS_NULL -> QueryOperator.NOT_NULL;
            default -> throw QueryErrors.invalid("operator '" + op.symbol() + "' does not apply to "
                    + condition.field() + "; use one of " + TAG_OPERATORS);
        };
        if (!MetamodelFieldResolver.has(entity, "uuid")) {
            throw QueryErrors.invalid(condition.field() + " conditions need resources with a uuid; "
                    + MetamodelFieldResolver.nameOf(entity) + " has none");
        }
        FieldPath uuid = MetamodelFieldResolver.resolve(entity, "uuid");
        TagType type = TagLookup.USER_TAG_FIELD.equals(condition.field()) ? TagType.User : TagType.System;
        Set<String> uuids = tags.resourcesWithTag(type, positive, positive.unary() ? null : condition.value());
        return new PlannedCondition.OnUuid(uuid, uuids == null ? Set.of() : uuids, positive != op);
    }

    private static FieldPath sortPath(EntityType<?> entity, String field) {
        FieldPath path = MetamodelFieldResolver.resolve(entity, field);
        if (path.end() != FieldPath.End.VALUE || path.throughCollection()) {
            throw QueryErrors.invalid("cannot sort " + MetamodelFieldResolver.nameOf(entity) + " by '" + field
                    + "': sort by a single value, such as a field of the resource or of a related resource it has "
                    + "one of");
        }
        return path;
    }

    private static String selectedField(EntityType<?> entity, String field) {
        if (field.indexOf('.') >= 0) {
            throw QueryErrors.invalid("fields takes fields of " + MetamodelFieldResolver.nameOf(entity)
                    + " itself, not paths like '" + field + "'; known fields: "
                    + MetamodelFieldResolver.knownFields(entity));
        }
        MetamodelFieldResolver.resolve(entity, field);
        return field;
    }

    private static FieldPath idPath(EntityType<?> entity) {
        if (!entity.hasSingleIdAttribute()) {
            return null;
        }
        for (SingularAttribute<?, ?> attribute : entity.getSingularAttributes()) {
            if (attribute.isId()) {
                return MetamodelFieldResolver.resolve(entity, attribute.getName());
            }
        }
        return null;
    }

    private static ManagedType<?> target(FieldPath path) {
        if (path.last() instanceof PluralAttribute<?, ?, ?> plural) {
            return (ManagedType<?>) plural.getElementType();
        }
        return (ManagedType<?>) ((SingularAttribute<?, ?>) path.last()).getType();
    }
}
