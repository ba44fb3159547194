package io.kumo.compute.network.l2;

import io.kumo.api.network.L2NetworkInventory;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.query.QueryOperation;
import io.kumo.api.query.QueryRequest;
import io.kumo.api.query.QueryResult;
import io.kumo.api.query.QueryService;

/**
 * {@code GET /l2-networks} (every type) and the typed queries {@code GET /l2-networks/vlan}, {@code /vxlan} and
 * {@code /vxlan-pool}, each also with {@code /{uuid}}.
 */
public class QueryL2NetworkOperation extends QueryOperation {
    private final L2NetworkStore store;
    private final L2NetworkManager l2s;
    private final String type;

    /**
     * @param name the operation name, e.g. {@code QueryL2VlanNetwork}
     * @param path its REST path
     * @param type the L2 type it returns, or null (or empty) for every type
     */
    public QueryL2NetworkOperation(String name, String path, String type, L2NetworkStore store, L2NetworkManager l2s,
                                   QueryService queries) {
        super(OperationDescriptor.builder(name).description("Query " + (type == null || type.isEmpty() ? "L2 networks" : type + "s"))
                .kind(OperationKind.QUERY).resourceType(L2NetworkInventory.RESOURCE_TYPE).inventoryType(L2NetworkInventory.class)
                .rest(RestBinding.get(path)).build(), queries);
        this.store = store;
        this.l2s = l2s;
        this.type = type == null || type.isEmpty() ? null : type;
    }

    @Override
    protected QueryResult<Object> query(QueryRequest request, OperationRequest caller) {
        return store.query(request, type, l2s::inventory);
    }
}
