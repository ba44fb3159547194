package io.kumo.core.tag;

import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.operation.SyncOperation;
import io.kumo.api.query.QueryCondition;
import io.kumo.api.query.QueryOperator;
import io.kumo.api.query.QueryRequest;
import io.kumo.api.query.QueryService;
import io.kumo.api.tag.TagInventory;
import io.kumo.api.tag.TagType;
import io.kumo.core.operation.QueryResults;

import java.util.ArrayList;
import java.util.List;

/** {@code GET /user-tags} and {@code GET /system-tags}. */
public class QueryTagOperation implements SyncOperation {
    private final OperationDescriptor descriptor;
    private final TagType type;
    private final TagStore store;
    private final QueryService queries;

    /** @param type which kind of tags this query returns */
    public QueryTagOperation(TagType type, TagStore store, QueryService queries) {
        this.type = type;
        this.store = store;
        this.queries = queries;
        this.descriptor = OperationDescriptor.builder("Query" + type.name() + "Tag")
                .description("Query " + type.name().toLowerCase() + " tags")
                .kind(OperationKind.QUERY).resourceType("tag").inventoryType(TagInventory.class)
                .rest(RestBinding.get("/" + type.name().toLowerCase() + "-tags"))
                .build();
    }

    @Override public OperationDescriptor descriptor() { return descriptor; }

    @Override
    public OperationResult execute(OperationRequest request) {
        QueryRequest q = queries.parse(request);
        List<QueryCondition> conditions = new ArrayList<>(q.conditions());
        conditions.add(new QueryCondition("type", QueryOperator.EQ, type.name()));
        QueryRequest typed = new QueryRequest(conditions, q.limit(), q.start(), q.count(), q.replyWithCount(), q.sortBy(),
                q.ascending(), q.fields());
        return QueryResults.toResult(typed, store.query(typed));
    }
}
