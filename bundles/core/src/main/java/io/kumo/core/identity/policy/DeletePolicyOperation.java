package io.kumo.core.identity.policy;

import io.kumo.api.operation.AccessLevel;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.operation.SyncOperation;

/** {@code DELETE /accounts/policies/{uuid}}. */
public class DeletePolicyOperation implements SyncOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("DeletePolicy")
            .description("Delete a policy and detach it from every user and group")
            .kind(OperationKind.DELETE).async(false).resourceType("policy").access(AccessLevel.TENANT)
            .param(ParameterDescriptor.uuid("uuid").mandatory().describedAs("the policy"))
            .param(ParameterDescriptor.string("deleteMode").oneOf("Permissive", "Enforcing").withDefault("Permissive").describedAs("ZStack compatibility"))
            .rest(RestBinding.delete("/accounts/policies/{uuid}"))
            .build();

    private final PolicyManager policies;

    /** Wires the operation. */
    public DeletePolicyOperation(PolicyManager policies) {
        this.policies = policies;
    }

    @Override public OperationDescriptor descriptor() { return DESCRIPTOR; }

    @Override
    public OperationResult execute(OperationRequest request) {
        policies.delete(request.caller(), request.string("uuid"));
        return OperationResult.empty();
    }
}
