package io.kumo.core.identity.ownership;

import io.kumo.api.operation.AccessLevel;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.operation.SyncOperation;

/** {@code PUT /accounts/resources/actions} with {@code revokeResourceSharing}. */
public class RevokeResourceSharingOperation implements SyncOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("RevokeResourceSharing")
            .description("Revoke sharings of resources")
            .kind(OperationKind.ACTION).async(false).resourceType("sharedResource").access(AccessLevel.TENANT)
            .param(ParameterDescriptor.stringList("resourceUuids").mandatory().describedAs("the resources"))
            .param(ParameterDescriptor.stringList("accountUuids").describedAs("the accounts to revoke from"))
            .param(ParameterDescriptor.bool("toPublic").withDefault("false").describedAs("revoke the sharing with every account"))
            .param(ParameterDescriptor.bool("all").withDefault("false").describedAs("revoke every sharing of the resources"))
            .rest(RestBinding.put("/accounts/resources/actions", "revokeResourceSharing"))
            .build();

    private final OwnershipManager ownership;

    /** Wires the operation. */
    public RevokeResourceSharingOperation(OwnershipManager ownership) {
        this.ownership = ownership;
    }

    @Override public OperationDescriptor descriptor() { return DESCRIPTOR; }

    @Override
    public OperationResult execute(OperationRequest request) {
        ownership.revoke(request.caller(), request.list("resourceUuids"), request.list("accountUuids"), Boolean.TRUE.equals(request.bool("toPublic")),
                Boolean.TRUE.equals(request.bool("all")));
        return OperationResult.empty();
    }
}
