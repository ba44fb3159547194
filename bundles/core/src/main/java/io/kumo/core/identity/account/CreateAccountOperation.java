package io.kumo.core.identity.account;

import io.kumo.api.operation.AccessLevel;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.operation.SyncOperation;

/** {@code POST /accounts}: creates a normal account. */
public class CreateAccountOperation implements SyncOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("CreateAccount")
            .description("Create a normal account (admin only); the password is sent as its SHA-512 hex digest")
            .kind(OperationKind.CREATE).async(false).resourceType(AccountInventory.RESOURCE_TYPE).access(AccessLevel.ADMIN).inventoryType(AccountInventory.class)
            .param(ParameterDescriptor.string("name").mandatory().range(1, 255).describedAs("account name, unique"))
            .param(ParameterDescriptor.string("password").mandatory().range(1, 512).asSecret().describedAs("SHA-512 hex digest of the password"))
            .param(ParameterDescriptor.string("description").maxLength(2048).describedAs("free text"))
            .param(ParameterDescriptor.string("type").oneOf("Normal").withDefault("Normal").describedAs("only Normal: there is one admin account"))
            .rest(RestBinding.post("/accounts"))
            .build();

    private final AccountManager accounts;

    /** Wires the operation. */
    public CreateAccountOperation(AccountManager accounts) {
        this.accounts = accounts;
    }

    @Override public OperationDescriptor descriptor() { return DESCRIPTOR; }

    @Override
    public OperationResult execute(OperationRequest request) {
        return OperationResult.inventory(accounts.create(request.string("name"), request.string("password"), request.string("description")));
    }
}
