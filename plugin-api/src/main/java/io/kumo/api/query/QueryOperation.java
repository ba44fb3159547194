package io.kumo.api.query;

import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.SyncOperation;

import java.util.Map;
import java.util.Objects;

/**
 * The base of every query operation ({@code GET /<resources>}): reads the standard query parameters with the
 * {@link QueryService} and shapes the reply as ZStack does — {@code {"total":N}} for {@code count=true}, otherwise
 * {@code {"inventories":[...]}} with {@code "total"} when {@code replyWithCount=true}. A subclass only runs the query.
 */
public abstract class QueryOperation implements SyncOperation {
    private final OperationDescriptor descriptor;
    private final QueryService queries;

    /**
     * @param descriptor a descriptor of kind {@link OperationKind#QUERY}
     * @param queries    the query service
     */
    protected QueryOperation(OperationDescriptor descriptor, QueryService queries) {
        if (descriptor.kind() != OperationKind.QUERY) {
            throw new IllegalArgumentException(descriptor.name() + " is not a QUERY operation");
        }
        this.descriptor = descriptor;
        this.queries = Objects.requireNonNull(queries, "queries");
    }

    @Override
    public final OperationDescriptor descriptor() { return descriptor; }

    /** @return the query service, for subclasses' stores */
    protected final QueryService queries() { return queries; }

    /**
     * Runs the query, usually {@code queries().query(em, Entity.class, request, Entity::toInventory)} in a store.
     *
     * @param request the parsed query
     * @param caller  the validated request, for subclasses that narrow the query by caller or parameters
     * @return the page and, if asked, the total
     */
    protected abstract QueryResult<Object> query(QueryRequest request, OperationRequest caller);

    @Override
    public final OperationResult execute(OperationRequest request) {
        QueryRequest query = queries.parse(request);
        QueryResult<Object> result = query(query, request);
        if (query.count()) {
            return OperationResult.of(Map.of("total", result.total() == null ? 0L : result.total()));
        }
        return OperationResult.inventories(result.rows(), query.replyWithCount() ? result.total() : null);
    }
}
