package io.kumo.query;

import io.kumo.api.operation.OperationRequest;
import io.kumo.api.query.QueryCondition;
import io.kumo.api.query.QueryRequest;
import io.kumo.api.query.StandardQueryParameters;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the {@link StandardQueryParameters} of a query operation into a {@link QueryRequest}.
 * <p>
 * Values normally arrive converted by the operation service ({@code q} and {@code fields} as lists, {@code limit} and
 * {@code start} as integers, {@code count} and {@code replyWithCount} as booleans); their text forms are accepted too.
 * Pure and thread-safe.
 */
public final class QueryRequestParser {
    private final QueryConditionParser conditionParser = new QueryConditionParser();

    /**
     * @param request a validated request of a query operation
     * @return the query
     * @throws io.kumo.api.error.ApiException INVALID_QUERY for malformed conditions, sorting or fields
     */
    public QueryRequest parse(OperationRequest request) {
        List<QueryCondition> conditions = new ArrayList<>();
        for (String text : strings(request, StandardQueryParameters.Q)) {
            conditions.add(conditionParser.parse(text));
        }
        int limit = nonNegative(request, StandardQueryParameters.LIMIT, QueryRequest.DEFAULT_LIMIT);
        int start = nonNegative(request, StandardQueryParameters.START, 0);
        boolean count = bool(request, StandardQueryParameters.COUNT);
        boolean replyWithCount = bool(request, StandardQueryParameters.REPLY_WITH_COUNT);
        Sort sort = sort(request);
        return new QueryRequest(conditions, limit, start, count, replyWithCount, sort.field(), sort.ascending(),
                fields(request));
    }

    private record Sort(String field, boolean ascending) { }

    private static Sort sort(OperationRequest request) {
        String sort = text(request, StandardQueryParameters.SORT);
        String sortBy = text(request, StandardQueryParameters.SORT_BY);
        String direction = text(request, StandardQueryParameters.SORT_DIRECTION);
        if (sort != null && sortBy != null) {
            throw QueryErrors.invalid("give either sort=+field|-field or sortBy with sortDirection, not both "
                    + "(sort='" + sort + "', sortBy='" + sortBy + "')");
        }
        if (sort != null) {
            boolean ascending = !sort.startsWith("-");
            // a '+' typed raw in a URL arrives as a space: "sort=+name" means ascending either way
            String field = sort.startsWith("+") || sort.startsWith("-") || sort.startsWith(" ") ? sort.substring(1) : sort;
            return new Sort(sortField(StandardQueryParameters.SORT, sort, field), ascending);
        }
        if (sortBy == null) {
            return new Sort(null, true);
        }
        boolean ascending = true;
        if (direction != null) {
            switch (direction.toLowerCase(Locale.ROOT)) {
                case "asc" -> ascending = true;
                case "desc" -> ascending = false;
                default -> throw QueryErrors.invalid("sortDirection must be asc or desc, not '" + direction + "'");
            }
        }
        return new Sort(sortField(StandardQueryParameters.SORT_BY, sortBy, sortBy), ascending);
    }

    private static String sortField(String parameter, String value, String field) {
        if (!QueryConditionParser.FIELD.matcher(field).matches()) {
            throw QueryErrors.invalid(parameter + "='" + value + "' does not name a field; use "
                    + (StandardQueryParameters.SORT.equals(parameter) ? "+field or -field" : "a field name")
                    + " such as " + (StandardQueryParameters.SORT.equals(parameter) ? "-createDate" : "createDate"));
        }
        return field;
    }

    private static List<String> fields(OperationRequest request) {
        Set<String> fields = new LinkedHashSet<>();
        for (String entry : strings(request, StandardQueryParameters.FIELDS)) {
            for (String field : entry.split(",")) {
                String name = field.trim();
                if (name.isEmpty()) {
                    continue;
                }
                if (!QueryConditionParser.FIELD.matcher(name).matches()) {
                    throw QueryErrors.invalid("fields: '" + name + "' is not a field name; give field names "
                            + "separated by commas, such as fields=uuid,name");
                }
                fields.add(name);
            }
        }
        return List.copyOf(fields);
    }

    private static List<String> strings(OperationRequest request, String name) {
        Object value = request.params().get(name);
        if (value == null) {
            return List.of();
        }
        if (value instanceof Collection<?> values) {
            List<String> texts = new ArrayList<>(values.size());
            for (Object v : values) {
                if (v != null) {
                    texts.add(v.toString());
                }
            }
            return texts;
        }
        return List.of(value.toString());
    }

    private static String text(OperationRequest request, String name) {
        String value = request.string(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static int nonNegative(OperationRequest request, String name, int defaultValue) {
        Object value = request.params().get(name);
        if (value == null) {
            return defaultValue;
        }
        long number;
        if (value instanceof Number n) {
            number = n.longValue();
        } else {
            try {
                number = Long.parseLong(value.toString().trim());
            } catch (NumberFormatException e) {
                throw QueryErrors.invalid(name + " must be a whole number, not '" + value + "'");
            }
        }
        if (number < 0 || number > Integer.MAX_VALUE) {
            throw QueryErrors.invalid(name + " must be between 0 and " + Integer.MAX_VALUE + ", not " + value);
        }
        return (int) number;
    }

    private static boolean bool(OperationRequest request, String name) {
        Object value = request.params().get(name);
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        String text = value.toString().trim();
        if ("true".equalsIgnoreCase(text) || "false".equalsIgnoreCase(text)) {
            return Boolean.parseBoolean(text);
        }
        throw QueryErrors.invalid(name + " must be true or false, not '" + value + "'");
    }
}
