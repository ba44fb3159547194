package io.kumo.core.identity.policy;

import io.kumo.api.operation.AccessLevel;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.operation.SyncOperation;

/** {@code POST /accounts/groups/{groupUuid}/policies}. */
public class AttachPolicyToUserGroupOperation implements SyncOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("AttachPolicyToUserGroup")
            .description("Attach a policy to a user group: it applies to every member")
            .kind(OperationKind.ACTION).async(false).resourceType("policy").access(AccessLevel.TENANT)
            .param(ParameterDescriptor.uuid("groupUuid").mandatory().describedAs("the user group"))
            .param(ParameterDescriptor.uuid("policyUuid").mandatory().describedAs("the policy"))
            .rest(RestBinding.post("/accounts/groups/{groupUuid}/policies"))
            .build();

    private final PolicyManager policies;

    /** Wires the operation. */
    public AttachPolicyToUserGroupOperation(PolicyManager policies) {
        this.policies = policies;
    }

    @Override public OperationDescriptor descriptor() { return DESCRIPTOR; }

    @Override
    public OperationResult execute(OperationRequest request) {
        policies.attach(request.caller(), request.string("policyUuid"), request.string("groupUuid"), true);
        return OperationResult.empty();
    }
}
