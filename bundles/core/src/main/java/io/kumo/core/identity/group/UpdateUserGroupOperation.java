package io.kumo.core.identity.group;

import io.kumo.api.operation.AccessLevel;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.operation.SyncOperation;

/** {@code PUT /accounts/groups/{uuid}} with {@code updateUserGroup}. */
public class UpdateUserGroupOperation implements SyncOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("UpdateUserGroup")
            .description("Change a user group's name or description")
            .kind(OperationKind.ACTION).async(false).resourceType("userGroup").access(AccessLevel.TENANT).inventoryType(UserGroupInventory.class)
            .param(ParameterDescriptor.uuid("uuid").mandatory().describedAs("the group"))
            .param(ParameterDescriptor.string("name").range(1, 255).describedAs("new name"))
            .param(ParameterDescriptor.string("description").maxLength(2048).describedAs("free text"))
            .rest(RestBinding.put("/accounts/groups/{uuid}", "updateUserGroup"))
            .build();

    private final UserGroupManager groups;

    /** Wires the operation. */
    public UpdateUserGroupOperation(UserGroupManager groups) {
        this.groups = groups;
    }

    @Override public OperationDescriptor descriptor() { return DESCRIPTOR; }

    @Override
    public OperationResult execute(OperationRequest request) {
        return OperationResult.inventory(groups.update(request.caller(), request.string("uuid"), request.string("name"), request.string("description")));
    }
}
