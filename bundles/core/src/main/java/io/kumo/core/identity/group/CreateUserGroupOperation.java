package io.kumo.core.identity.group;

import io.kumo.api.operation.AccessLevel;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.operation.SyncOperation;

/** {@code POST /accounts/groups}. */
public class CreateUserGroupOperation implements SyncOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("CreateUserGroup")
            .description("Create a user group in the caller's account")
            .kind(OperationKind.CREATE).async(false).resourceType("userGroup").access(AccessLevel.TENANT).inventoryType(UserGroupInventory.class)
            .param(ParameterDescriptor.string("name").mandatory().range(1, 255).describedAs("group name, unique in the account"))
            .param(ParameterDescriptor.string("description").maxLength(2048).describedAs("free text"))
            .rest(RestBinding.post("/accounts/groups"))
            .build();

    private final UserGroupManager groups;

    /** Wires the operation. */
    public CreateUserGroupOperation(UserGroupManager groups) {
        this.groups = groups;
    }

    @Override public OperationDescriptor descriptor() { return DESCRIPTOR; }

    @Override
    public OperationResult execute(OperationRequest request) {
        return OperationResult.inventory(groups.create(request.caller().accountUuid(), request.string("name"), request.string("description")));
    }
}
