package io.kumo.core.identity.policy;

import io.kumo.api.operation.AccessLevel;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.operation.SyncOperation;

/** {@code DELETE /accounts/users/{userUuid}/policies/{policyUuid}}. */
public class DetachPolicyFromUserOperation implements SyncOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("DetachPolicyFromUser")
            .description("Detach a policy from a user")
            .kind(OperationKind.DELETE).async(false).resourceType("policy").access(AccessLevel.TENANT)
            .param(ParameterDescriptor.uuid("userUuid").mandatory().describedAs("the user"))
            .param(ParameterDescriptor.uuid("policyUuid").mandatory().describedAs("the policy"))
            .rest(RestBinding.delete("/accounts/users/{userUuid}/policies/{policyUuid}"))
            .build();

    private final PolicyManager policies;

    /** Wires the operation. */
    public DetachPolicyFromUserOperation(PolicyManager policies) {
        this.policies = policies;
    }

    @Override public OperationDescriptor descriptor() { return DESCRIPTOR; }

    @Override
    public OperationResult execute(OperationRequest request) {
        policies.detach(request.caller(), request.string("policyUuid"), request.string("userUuid"));
        return OperationResult.empty();
    }
}
