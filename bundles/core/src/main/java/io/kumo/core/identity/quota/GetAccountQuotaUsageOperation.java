package io.kumo.core.identity.quota;

import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.operation.AccessLevel;
import io.kumo.api.operation.Caller;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.operation.SyncOperation;

import java.util.Map;

/**
 * {@code GET /accounts/quota/{uuid}/usages}: each quota of an account with its limit ({@code total}) and what the
 * account uses ({@code used}). An account reads its own; the admin any.
 */
public class GetAccountQuotaUsageOperation implements SyncOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("GetAccountQuotaUsage")
            .description("Show an account's quotas: the limit (total) and the usage (used) of each")
            .kind(OperationKind.READ).resourceType(QuotaInventory.RESOURCE_TYPE).access(AccessLevel.AUTHENTICATED)
            .inventoryType(QuotaUsage.class)
            .param(ParameterDescriptor.uuid("uuid").mandatory().describedAs("the account"))
            .rest(RestBinding.get("/accounts/quota/{uuid}/usages"))
            .build();

    private final QuotaManager quotas;

    /** Wires the operation. */
    public GetAccountQuotaUsageOperation(QuotaManager quotas) { this.quotas = quotas; }

    @Override public OperationDescriptor descriptor() { return DESCRIPTOR; }

    @Override
    public OperationResult execute(OperationRequest request) {
        String account = request.string("uuid");
        Caller caller = request.caller();
        if (!caller.admin() && !account.equals(caller.accountUuid())) {
            throw new ApiException(ErrorCode.PERMISSION_DENIED, "GetAccountQuotaUsage: an account reads only its own quotas;"
                    + " give your account uuid " + caller.accountUuid());
        }
        return OperationResult.of(Map.of("usages", quotas.usages(account)));
    }
}
