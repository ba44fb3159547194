package io.kumo.compute.volume;

import io.kumo.api.operation.AccessLevel;
import io.kumo.api.job.Step;
import io.kumo.api.operation.AsyncOperation;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.event.EventType;
import io.kumo.api.vm.VolumeInventory;

/**
 * What actions on an existing volume share: serialized on the volume's uuid, refused with a 404 before any job when
 * the volume is absent, and an {@code announce} step returning the volume.
 */
abstract class ExistingVolumeOperation implements AsyncOperation {
    protected final VolumeManager volumes;
    private final OperationDescriptor descriptor;

    ExistingVolumeOperation(OperationDescriptor descriptor, VolumeManager volumes) {
        this.descriptor = descriptor;
        this.volumes = volumes;
    }

    /** @return a descriptor builder for {@code PUT <path> {"<action>":{...}}} on the volume {@code uuid} */
    static OperationDescriptor.Builder action(String name, String path, String action, String description) {
        return OperationDescriptor.builder(name).description(description)
                .kind(OperationKind.ACTION).resourceType(VolumeInventory.RESOURCE_TYPE).access(AccessLevel.TENANT).inventoryType(VolumeInventory.class)
                .param(ParameterDescriptor.uuid("uuid").mandatory().describedAs("the volume"))
                .rest(RestBinding.put(path, action));
    }

    @Override public final OperationDescriptor descriptor() { return descriptor; }
    @Override public String serializationKey(OperationRequest request) { return request.string("uuid"); }

    @Override
    public void check(OperationRequest request) { volumes.require(request.string("uuid")); }

    /** @return the last step: an UPDATED event and the volume as result */
    protected Step announce(String uuid) {
        return Step.of("announce", ctx -> ctx.result(OperationResult.inventory(volumes.announce(uuid, EventType.UPDATED))));
    }
}
