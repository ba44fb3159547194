package io.kumo.core.identity.user;

import io.kumo.api.operation.AccessLevel;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.operation.SyncOperation;

/** {@code PUT /accounts/users/{uuid}} with {@code updateUser}. */
public class UpdateUserOperation implements SyncOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("UpdateUser")
            .description("Change a user's name, description or password; a user may change itself")
            .kind(OperationKind.ACTION).async(false).resourceType("user").access(AccessLevel.AUTHENTICATED).inventoryType(UserInventory.class)
            .param(ParameterDescriptor.uuid("uuid").mandatory().describedAs("the user"))
            .param(ParameterDescriptor.string("name").range(1, 255).describedAs("new name"))
            .param(ParameterDescriptor.string("password").range(1, 512).asSecret().describedAs("SHA-512 hex digest of the password"))
            .param(ParameterDescriptor.string("description").maxLength(2048).describedAs("free text"))
            .rest(RestBinding.put("/accounts/users/{uuid}", "updateUser"))
            .build();

    private final UserManager users;

    /** Wires the operation. */
    public UpdateUserOperation(UserManager users) {
        this.users = users;
    }

    @Override public OperationDescriptor descriptor() { return DESCRIPTOR; }

    @Override
    public OperationResult execute(OperationRequest request) {
        return OperationResult.inventory(users.update(request.caller(), request.string("uuid"), request.string("name"),
                request.string("password"), request.string("description")));
    }
}
