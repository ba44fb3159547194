package io.kumo.core.identity.group;

import io.kumo.api.operation.AccessLevel;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.operation.SyncOperation;

/** {@code DELETE /accounts/groups/{uuid}}. */
public class DeleteUserGroupOperation implements SyncOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("DeleteUserGroup")
            .description("Delete a user group; its users stay")
            .kind(OperationKind.DELETE).async(false).resourceType("userGroup").access(AccessLevel.TENANT)
            .param(ParameterDescriptor.uuid("uuid").mandatory().describedAs("the group"))
            .param(ParameterDescriptor.string("deleteMode").oneOf("Permissive", "Enforcing").withDefault("Permissive").describedAs("ZStack compatibility"))
            .rest(RestBinding.delete("/accounts/groups/{uuid}"))
            .build();

    private final UserGroupManager groups;

    /** Wires the operation. */
    public DeleteUserGroupOperation(UserGroupManager groups) {
        this.groups = groups;
    }

    @Override public OperationDescriptor descriptor() { return DESCRIPTOR; }

    @Override
    public OperationResult execute(OperationRequest request) {
        groups.delete(request.caller(), request.string("uuid"));
        return OperationResult.empty();
    }
}
