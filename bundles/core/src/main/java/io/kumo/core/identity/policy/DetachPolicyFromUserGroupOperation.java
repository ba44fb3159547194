package io.kumo.core.identity.policy;

import io.kumo.api.operation.AccessLevel;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.operation.SyncOperation;

/** {@code DELETE /accounts/groups/{groupUuid}/policies/{policyUuid}}. */
public class DetachPolicyFromUserGroupOperation implements SyncOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("DetachPolicyFromUserGroup")
            .description("Detach a policy from a user group")
            .kind(OperationKind.DELETE).async(false).resourceType("policy").access(AccessLevel.TENANT)
            .param(ParameterDescriptor.uuid("groupUuid").mandatory().describedAs("the user group"))
            .param(ParameterDescriptor.uuid("policyUuid").mandatory().describedAs("the policy"))
            .rest(RestBinding.delete("/accounts/groups/{groupUuid}/policies/{policyUuid}"))
            .build();

    private final PolicyManager policies;

    /** Wires the operation. */
    public DetachPolicyFromUserGroupOperation(PolicyManager policies) {
        this.policies = policies;
    }

    @Override public OperationDescriptor descriptor() { return DESCRIPTOR; }

    @Override
    public OperationResult execute(OperationRequest request) {
        policies.detach(request.caller(), request.string("policyUuid"), request.string("groupUuid"));
        return OperationResult.empty();
    }
}
