package io.kumo.template;

import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.query.QueryOperation;
import io.kumo.api.query.QueryRequest;
import io.kumo.api.query.QueryResult;
import io.kumo.api.query.QueryService;

import java.util.Objects;

/**
 * {@code GET /zstack/v1/greetings} and {@code GET /zstack/v1/greetings/{uuid}} (shell: {@code kumo:query-greeting}):
 * the kernel's standard query parameters ({@code q}, {@code limit}, {@code start}, {@code sort}, {@code count},
 * {@code fields}, ...) on the greetings table, served by whichever node receives the call.
 */
public class QueryGreetingOperation extends QueryOperation {
    private final GreetingStore store;

    /**
     * @param store   where greetings are kept
     * @param queries the kernel's query service
     */
    public QueryGreetingOperation(GreetingStore store, QueryService queries) {
        super(OperationDescriptor.builder("QueryGreeting").description("Query greetings (plugin kumo-plugin-template)")
                .kind(OperationKind.QUERY).resourceType(GreetingInventory.RESOURCE_TYPE).inventoryType(GreetingInventory.class)
                .rest(RestBinding.get("/greetings")).build(), queries);
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    protected QueryResult<Object> query(QueryRequest request, OperationRequest caller) { return store.query(request); }
}
