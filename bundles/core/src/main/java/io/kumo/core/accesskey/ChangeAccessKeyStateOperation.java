package io.kumo.core.accesskey;

import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.operation.SyncOperation;

/** {@code PUT /accesskeys/{uuid}/actions {"changeAccessKeyState":{"stateEvent":"enable|disable"}}}. */
public class ChangeAccessKeyStateOperation implements SyncOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("ChangeAccessKeyState")
            .description("Enable or disable an access key; a disabled key authenticates nothing")
            .kind(OperationKind.ACTION).async(false).access(io.kumo.api.operation.AccessLevel.AUTHENTICATED).resourceType(AccessKeyInventory.RESOURCE_TYPE).inventoryType(AccessKeyInventory.class)
            .param(ParameterDescriptor.uuid("uuid").mandatory().describedAs("the access key"))
            .param(ParameterDescriptor.string("stateEvent").mandatory().oneOf("enable", "disable").describedAs("enable or disable"))
            .rest(RestBinding.put("/accesskeys/{uuid}/actions", "changeAccessKeyState"))
            .build();

    private final AccessKeyManager keys;

    /** @param keys the manager */
    public ChangeAccessKeyStateOperation(AccessKeyManager keys) { this.keys = keys; }

    @Override public OperationDescriptor descriptor() { return DESCRIPTOR; }

    @Override
    public OperationResult execute(OperationRequest request) {
        String uuid = keys.require(request.string("uuid"), request.caller()).getUuid();
        return OperationResult.inventory(keys.changeState(uuid, "enable".equals(request.string("stateEvent"))));
    }
}
