package io.kumo.core.tag;

import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.query.QueryCondition;
import io.kumo.api.query.QueryOperation;
import io.kumo.api.query.QueryOperator;
import io.kumo.api.query.QueryRequest;
import io.kumo.api.query.QueryResult;
import io.kumo.api.query.QueryService;
import io.kumo.api.tag.TagInventory;
import io.kumo.api.tag.TagType;

import java.util.ArrayList;
import java.util.List;

/** {@code GET /user-tags} and {@code GET /system-tags}: the tag query narrowed to one kind of tag. */
public class QueryTagOperation extends QueryOperation {
    private final TagType type;
    private final TagStore store;

    /** @param type which kind of tags this query returns */
    public QueryTagOperation(TagType type, TagStore store, QueryService queries) {
        super(OperationDescriptor.builder("Query" + type.name() + "Tag").description("Query " + type.name().toLowerCase() + " tags")
                .kind(OperationKind.QUERY).resourceType("tag").inventoryType(TagInventory.class)
                .rest(RestBinding.get("/" + type.name().toLowerCase() + "-tags")).build(), queries);
        this.type = type;
        this.store = store;
    }

    @Override
    protected QueryResult<Object> query(QueryRequest q, OperationRequest caller) {
        List<QueryCondition> conditions = new ArrayList<>(q.conditions());
        conditions.add(new QueryCondition("type", QueryOperator.EQ, type.name()));
        return store.query(new QueryRequest(conditions, q.limit(), q.start(), q.count(), q.replyWithCount(), q.sortBy(),
                q.ascending(), q.fields()));
    }
}
