package io.kumo.core.identity.user;

import io.kumo.api.operation.AccessLevel;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.operation.SyncOperation;

/** {@code DELETE /accounts/users/{uuid}}. */
public class DeleteUserOperation implements SyncOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("DeleteUser")
            .description("Delete a user with its group memberships, policy attachments and sessions")
            .kind(OperationKind.DELETE).async(false).resourceType("user").access(AccessLevel.TENANT)
            .param(ParameterDescriptor.uuid("uuid").mandatory().describedAs("the user"))
            .param(ParameterDescriptor.string("deleteMode").oneOf("Permissive", "Enforcing").withDefault("Permissive").describedAs("ZStack compatibility"))
            .rest(RestBinding.delete("/accounts/users/{uuid}"))
            .build();

    private final UserManager users;

    /** Wires the operation. */
    public DeleteUserOperation(UserManager users) {
        this.users = users;
    }

    @Override public OperationDescriptor descriptor() { return DESCRIPTOR; }

    @Override
    public OperationResult execute(OperationRequest request) {
        users.delete(request.caller(), request.string("uuid"));
        return OperationResult.empty();
    }
}
