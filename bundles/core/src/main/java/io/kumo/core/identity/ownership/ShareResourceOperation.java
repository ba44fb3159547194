package io.kumo.core.identity.ownership;

import io.kumo.api.operation.AccessLevel;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.operation.SyncOperation;

/** {@code PUT /accounts/resources/actions} with {@code shareResource}. */
public class ShareResourceOperation implements SyncOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("ShareResource")
            .description("Share images, offerings or L3 networks with accounts or with every account")
            .kind(OperationKind.ACTION).async(false).resourceType("sharedResource").access(AccessLevel.TENANT)
            .param(ParameterDescriptor.stringList("resourceUuids").mandatory().describedAs("the resources to share"))
            .param(ParameterDescriptor.stringList("accountUuids").describedAs("the accounts to share them with"))
            .param(ParameterDescriptor.bool("toPublic").withDefault("false").describedAs("share with every account"))
            .rest(RestBinding.put("/accounts/resources/actions", "shareResource"))
            .build();

    private final OwnershipManager ownership;

    /** Wires the operation. */
    public ShareResourceOperation(OwnershipManager ownership) {
        this.ownership = ownership;
    }

    @Override public OperationDescriptor descriptor() { return DESCRIPTOR; }

    @Override
    public OperationResult execute(OperationRequest request) {
        ownership.share(request.caller(), request.list("resourceUuids"), request.list("accountUuids"), Boolean.TRUE.equals(request.bool("toPublic")));
        return OperationResult.empty();
    }
}
