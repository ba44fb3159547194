package io.kumo.core.identity.user;

import io.kumo.api.operation.AccessLevel;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.operation.SyncOperation;

/** {@code POST /accounts/users}. */
public class CreateUserOperation implements SyncOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("CreateUser")
            .description("Create a user in the caller's account")
            .kind(OperationKind.CREATE).async(false).resourceType("user").access(AccessLevel.TENANT).inventoryType(UserInventory.class)
            .param(ParameterDescriptor.string("name").mandatory().range(1, 255).describedAs("user name, unique in the account"))
            .param(ParameterDescriptor.string("password").mandatory().range(1, 512).asSecret().describedAs("SHA-512 hex digest of the password"))
            .param(ParameterDescriptor.string("description").maxLength(2048).describedAs("free text"))
            .rest(RestBinding.post("/accounts/users"))
            .build();

    private final UserManager users;

    /** Wires the operation. */
    public CreateUserOperation(UserManager users) {
        this.users = users;
    }

    @Override public OperationDescriptor descriptor() { return DESCRIPTOR; }

    @Override
    public OperationResult execute(OperationRequest request) {
        return OperationResult.inventory(users.create(request.caller().accountUuid(), request.string("name"), request.string("password"),
                request.string("description")));
    }
}
