package io.kumo.core.identity.group;

import io.kumo.api.operation.AccessLevel;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.operation.SyncOperation;

/** {@code DELETE /accounts/groups/{groupUuid}/users/{userUuid}}. */
public class RemoveUserFromGroupOperation implements SyncOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("RemoveUserFromGroup")
            .description("Remove a user from a user group")
            .kind(OperationKind.DELETE).async(false).resourceType("userGroup").access(AccessLevel.TENANT)
            .param(ParameterDescriptor.uuid("groupUuid").mandatory().describedAs("the group"))
            .param(ParameterDescriptor.uuid("userUuid").mandatory().describedAs("the user"))
            .rest(RestBinding.delete("/accounts/groups/{groupUuid}/users/{userUuid}"))
            .build();

    private final UserGroupManager groups;

    /** Wires the operation. */
    public RemoveUserFromGroupOperation(UserGroupManager groups) {
        this.groups = groups;
    }

    @Override public OperationDescriptor descriptor() { return DESCRIPTOR; }

    @Override
    public OperationResult execute(OperationRequest request) {
        groups.removeUser(request.caller(), request.string("groupUuid"), request.string("userUuid"));
        return OperationResult.empty();
    }
}
