package io.kumo.core.identity.account;

import io.kumo.api.operation.AccessLevel;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.operation.SyncOperation;

/** {@code PUT /accounts/{uuid}} with {@code updateAccount}. */
public class UpdateAccountOperation implements SyncOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("UpdateAccount")
            .description("Change an account's name, description or password; an account may change itself")
            .kind(OperationKind.ACTION).async(false).resourceType(AccountInventory.RESOURCE_TYPE).access(AccessLevel.AUTHENTICATED).inventoryType(AccountInventory.class)
            .param(ParameterDescriptor.uuid("uuid").mandatory().describedAs("the account"))
            .param(ParameterDescriptor.string("name").range(1, 255).describedAs("new name"))
            .param(ParameterDescriptor.string("password").range(1, 512).asSecret().describedAs("SHA-512 hex digest of the password"))
            .param(ParameterDescriptor.string("description").maxLength(2048).describedAs("free text"))
            .rest(RestBinding.put("/accounts/{uuid}", "updateAccount"))
            .build();

    private final AccountManager accounts;

    /** Wires the operation. */
    public UpdateAccountOperation(AccountManager accounts) {
        this.accounts = accounts;
    }

    @Override public OperationDescriptor descriptor() { return DESCRIPTOR; }

    @Override
    public OperationResult execute(OperationRequest request) {
        return OperationResult.inventory(accounts.update(request.caller(), request.string("uuid"), request.string("name"),
                request.string("password"), request.string("description")));
    }
}
