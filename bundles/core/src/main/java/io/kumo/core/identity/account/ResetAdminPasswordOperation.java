package io.kumo.core.identity.account;

import io.kumo.api.operation.AccessLevel;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.operation.SyncOperation;

/** {@code kumo:reset-admin-password --password <clear text>}: shell only (P-15). */
public class ResetAdminPasswordOperation implements SyncOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("ResetAdminPassword")
            .description("Set a new password for the admin account and end its sessions (shell only, on a management node)")
            .kind(OperationKind.ACTION).async(false).resourceType(AccountInventory.RESOURCE_TYPE).access(AccessLevel.ADMIN)
            .param(ParameterDescriptor.string("password").mandatory().range(6, 255).asSecret().describedAs("the new admin password in clear text"))
            .rest(null)
            .build();

    private final AccountManager accounts;

    /** Wires the operation. */
    public ResetAdminPasswordOperation(AccountManager accounts) {
        this.accounts = accounts;
    }

    @Override public OperationDescriptor descriptor() { return DESCRIPTOR; }

    @Override
    public OperationResult execute(OperationRequest request) {
        accounts.resetAdminPassword(request.string("password"));
        return OperationResult.of(java.util.Map.of("success", true));
    }
}
