package io.kumo.core.identity.policy;

import io.kumo.api.operation.AccessLevel;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.operation.SyncOperation;

/** {@code POST /accounts/policies}. */
public class CreatePolicyOperation implements SyncOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("CreatePolicy")
            .description("Create a policy: statements allowing or denying operations, attached later to users or groups")
            .kind(OperationKind.CREATE).async(false).resourceType("policy").access(AccessLevel.TENANT).inventoryType(PolicyInventory.class)
            .param(ParameterDescriptor.string("name").mandatory().range(1, 255).describedAs("policy name"))
            .param(ParameterDescriptor.string("description").maxLength(2048).describedAs("free text"))
            .param(ParameterDescriptor.json("statements").mandatory().describedAs("[{\"name\",\"effect\":\"Allow|Deny\",\"actions\":[\"vmInstance:*\"],\"resources\":[]}]"))
            .rest(RestBinding.post("/accounts/policies"))
            .build();

    private final PolicyManager policies;

    /** Wires the operation. */
    public CreatePolicyOperation(PolicyManager policies) {
        this.policies = policies;
    }

    @Override public OperationDescriptor descriptor() { return DESCRIPTOR; }

    @Override
    public OperationResult execute(OperationRequest request) {
        return OperationResult.inventory(policies.create(request.caller().accountUuid(), request.string("name"), request.string("description"),
                request.params().get("statements")));
    }
}
