package io.kumo.api.query;

import io.kumo.api.operation.ParameterDescriptor;

import java.util.List;

/**
 * The parameters every {@link io.kumo.api.operation.OperationKind#QUERY} operation takes; the descriptor builder adds
 * them automatically, so REST query strings, shell options and bus messages all pass them the same way.
 */
public final class StandardQueryParameters {
    /** Conditions, one per value: {@code field<op>value}. */
    public static final String Q = "q";
    /** Page size. */
    public static final String LIMIT = "limit";
    /** Offset of the first row. */
    public static final String START = "start";
    /** Return only the count. */
    public static final String COUNT = "count";
    /** Return the total with the page. */
    public static final String REPLY_WITH_COUNT = "replyWithCount";
    /** {@code +field} or {@code -field}. */
    public static final String SORT = "sort";
    /** The field to sort by. */
    public static final String SORT_BY = "sortBy";
    /** {@code asc} or {@code desc}. */
    public static final String SORT_DIRECTION = "sortDirection";
    /** Comma-separated fields to return. */
    public static final String FIELDS = "fields";

    private StandardQueryParameters() { }

    /** @return the descriptors of the standard query parameters */
    public static List<ParameterDescriptor> all() {
        return List.of(
                ParameterDescriptor.stringList(Q).describedAs("conditions such as name=zone1, uuid?=a,b, name~=%web%, description is null"),
                ParameterDescriptor.integer(LIMIT).range(0, 100_000).describedAs("page size (default 1000)"),
                ParameterDescriptor.integer(START).range(0, Integer.MAX_VALUE).describedAs("offset of the first row"),
                ParameterDescriptor.bool(COUNT).describedAs("return only the number of matches"),
                ParameterDescriptor.bool(REPLY_WITH_COUNT).describedAs("return the total number of matches with the page"),
                ParameterDescriptor.string(SORT).matching("[+ -][A-Za-z0-9_.]+")
                        .describedAs("+field or -field (a raw '+' in a URL decodes to a space, which also means ascending)"),
                ParameterDescriptor.string(SORT_BY).matching("[A-Za-z0-9_.]+").describedAs("field to sort by"),
                ParameterDescriptor.string(SORT_DIRECTION).oneOf("asc", "desc").describedAs("sort direction"),
                ParameterDescriptor.stringList(FIELDS).describedAs("fields to return, comma-separated"));
    }
}
