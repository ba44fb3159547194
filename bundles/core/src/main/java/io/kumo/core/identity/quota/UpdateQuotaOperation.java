package io.kumo.core.identity.quota;

import io.kumo.api.operation.AccessLevel;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.operation.SyncOperation;

/** {@code PUT /accounts/quotas/actions} with {@code updateQuota}: the admin sets an account's limit for a quota. */
public class UpdateQuotaOperation implements SyncOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("UpdateQuota")
            .description("Set an account's limit for a quota, e.g. vm.num; the admin account is never limited")
            .kind(OperationKind.ACTION).async(false).resourceType(QuotaInventory.RESOURCE_TYPE).access(AccessLevel.ADMIN)
            .inventoryType(QuotaInventory.class)
            .param(ParameterDescriptor.uuid("identityUuid").mandatory().describedAs("the account"))
            .param(ParameterDescriptor.string("name").mandatory().range(1, 255).describedAs("the quota, e.g. vm.num or volume.capacity"))
            .param(ParameterDescriptor.longParam("value").mandatory().range(0, Long.MAX_VALUE)
                    .describedAs("the limit: a count, or bytes for sizes and memory"))
            .rest(RestBinding.put("/accounts/quotas/actions", "updateQuota"))
            .build();

    private final QuotaManager quotas;

    /** Wires the operation. */
    public UpdateQuotaOperation(QuotaManager quotas) { this.quotas = quotas; }

    @Override public OperationDescriptor descriptor() { return DESCRIPTOR; }

    @Override
    public OperationResult execute(OperationRequest request) {
        return OperationResult.inventory(quotas.update(request.string("identityUuid"), request.string("name"), request.longValue("value")));
    }
}
