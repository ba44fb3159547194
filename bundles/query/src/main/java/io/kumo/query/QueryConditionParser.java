package io.kumo.query;

import io.kumo.api.query.QueryCondition;
import io.kumo.api.query.QueryOperator;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses ZStack v1 query conditions such as {@code name=vm1}, {@code uuid?=a,b}, {@code name~=%web%} or
 * {@code description is null} into {@link QueryCondition}s.
 * <p>
 * The operator is the longest symbol found at the first position where any operator symbol starts, so
 * {@code name!?=a,b} is NOT_IN, {@code cpuNum>=2} is GE and {@code tag=k::v=1} compares with {@code k::v=1}.
 * Pure and thread-safe.
 */
public final class QueryConditionParser {
    /** A field name or dotted path; also matches {@code __userTag__} and {@code __systemTag__}. */
    static final Pattern FIELD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");

    private static final Pattern UNARY = Pattern.compile(
            "^\\s*(\\S+)\\s+(is\\s+null|is\\s+not\\s+null|not\\s+null)\\s*$", Pattern.CASE_INSENSITIVE);

    /** Binary operators, longest symbol first. */
    private static final List<QueryOperator> BINARY = Arrays.stream(QueryOperator.values())
            .filter(op -> !op.unary())
            .sorted(Comparator.comparingInt((QueryOperator op) -> op.symbol().length()).reversed())
            .toList();

    private static final String OPERATOR_START = "=!<>?~";

    /**
     * @param text a condition as sent by a client
     * @return the condition
     * @throws io.kumo.api.error.ApiException INVALID_QUERY naming the condition and the accepted forms
     */
    public QueryCondition parse(String text) {
        if (text == null || text.isBlank()) {
            throw QueryErrors.badCondition(text == null ? "" : text, "the condition is empty");
        }
        Matcher unary = UNARY.matcher(text);
        if (unary.matches() && FIELD.matcher(unary.group(1)).matches()) {
            String kind = unary.group(2).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
            QueryOperator op = "is null".equals(kind) ? QueryOperator.IS_NULL : QueryOperator.NOT_NULL;
            return new QueryCondition(unary.group(1), op, null);
        }
        for (int i = 0; i < text.length(); i++) {
            if (OPERATOR_START.indexOf(text.charAt(i)) < 0) {
                continue;
            }
            for (QueryOperator op : BINARY) {
                if (text.startsWith(op.symbol(), i)) {
                    return binary(text, text.substring(0, i).trim(), op, text.substring(i + op.symbol().length()));
                }
            }
        }
        throw QueryErrors.badCondition(text, "no operator found");
    }

    private static QueryCondition binary(String text, String field, QueryOperator op, String value) {
        if (field.isEmpty()) {
            throw QueryErrors.badCondition(text, "the field name before '" + op.symbol() + "' is missing");
        }
        if (!FIELD.matcher(field).matches()) {
            throw QueryErrors.badCondition(text, "'" + field + "' is not a field name (letters, digits and _, "
                    + "dots between the fields of a path)");
        }
        if (op.listValued() && value.isEmpty()) {
            throw QueryErrors.badCondition(text, "'" + op.symbol() + "' needs at least one value");
        }
        return new QueryCondition(field, op, value);
    }
}
