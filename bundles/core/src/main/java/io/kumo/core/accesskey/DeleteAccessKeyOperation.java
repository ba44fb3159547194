package io.kumo.core.accesskey;

import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.operation.SyncOperation;

/** {@code DELETE /accesskeys/{uuid}}. */
public class DeleteAccessKeyOperation implements SyncOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("DeleteAccessKey")
            .description("Delete an access key")
            .kind(OperationKind.DELETE).async(false).access(io.kumo.api.operation.AccessLevel.AUTHENTICATED).resourceType(AccessKeyInventory.RESOURCE_TYPE)
            .param(ParameterDescriptor.uuid("uuid").mandatory().describedAs("the access key"))
            .param(ParameterDescriptor.string("deleteMode").oneOf("Permissive", "Enforcing").withDefault("Permissive").describedAs("ignored (ZStack compatibility)"))
            .rest(RestBinding.delete("/accesskeys/{uuid}"))
            .build();

    private final AccessKeyManager keys;

    /** @param keys the manager */
    public DeleteAccessKeyOperation(AccessKeyManager keys) { this.keys = keys; }

    @Override public OperationDescriptor descriptor() { return DESCRIPTOR; }

    @Override
    public OperationResult execute(OperationRequest request) {
        keys.delete(keys.require(request.string("uuid"), request.caller()).getUuid());
        return OperationResult.empty();
    }
}
