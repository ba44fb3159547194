package io.kumo.core.identity.account;

import io.kumo.api.operation.AccessLevel;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.operation.SyncOperation;

/** {@code DELETE /accounts/{uuid}}. */
public class DeleteAccountOperation implements SyncOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("DeleteAccount")
            .description("Delete a normal account with its users, groups, policies and sessions; it must own no resources")
            .kind(OperationKind.DELETE).async(false).resourceType(AccountInventory.RESOURCE_TYPE).access(AccessLevel.ADMIN)
            .param(ParameterDescriptor.uuid("uuid").mandatory().describedAs("the account"))
            .param(ParameterDescriptor.string("deleteMode").oneOf("Permissive", "Enforcing").withDefault("Permissive").describedAs("ZStack compatibility; both refuse while the account owns resources"))
            .rest(RestBinding.delete("/accounts/{uuid}"))
            .build();

    private final AccountManager accounts;

    /** Wires the operation. */
    public DeleteAccountOperation(AccountManager accounts) {
        this.accounts = accounts;
    }

    @Override public OperationDescriptor descriptor() { return DESCRIPTOR; }

    @Override
    public OperationResult execute(OperationRequest request) {
        accounts.delete(request.string("uuid"));
        return OperationResult.empty();
    }
}
