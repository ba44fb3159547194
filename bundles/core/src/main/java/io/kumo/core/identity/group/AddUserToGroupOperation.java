package io.kumo.core.identity.group;

import io.kumo.api.operation.AccessLevel;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.operation.SyncOperation;

/** {@code POST /accounts/groups/{groupUuid}/users}. */
public class AddUserToGroupOperation implements SyncOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("AddUserToGroup")
            .description("Add a user to a user group of the same account")
            .kind(OperationKind.ACTION).async(false).resourceType("userGroup").access(AccessLevel.TENANT)
            .param(ParameterDescriptor.uuid("groupUuid").mandatory().describedAs("the group"))
            .param(ParameterDescriptor.uuid("userUuid").mandatory().describedAs("the user"))
            .rest(RestBinding.post("/accounts/groups/{groupUuid}/users"))
            .build();

    private final UserGroupManager groups;

    /** Wires the operation. */
    public AddUserToGroupOperation(UserGroupManager groups) {
        this.groups = groups;
    }

    @Override public OperationDescriptor descriptor() { return DESCRIPTOR; }

    @Override
    public OperationResult execute(OperationRequest request) {
        groups.addUser(request.caller(), request.string("groupUuid"), request.string("userUuid"));
        return OperationResult.empty();
    }
}
