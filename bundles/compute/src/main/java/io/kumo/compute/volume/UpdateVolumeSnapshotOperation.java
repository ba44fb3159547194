package io.kumo.compute.volume;

import io.kumo.api.operation.AccessLevel;
import io.kumo.api.event.EventType;
import io.kumo.api.event.ResourceEvent;
import io.kumo.api.job.Flow;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;

import java.util.Arrays;
import java.util.List;

/** {@code PUT /volume-snapshots/{uuid}/actions {"updateVolumeSnapshot":{...}}}: renames a snapshot or changes its description. */
public class UpdateVolumeSnapshotOperation extends ExistingSnapshotOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("UpdateVolumeSnapshot")
            .description("Change the name or description of a volume snapshot")
            .kind(OperationKind.ACTION).resourceType(VolumeSnapshotInventory.RESOURCE_TYPE).access(AccessLevel.TENANT)
            .inventoryType(VolumeSnapshotInventory.class)
            .param(ParameterDescriptor.uuid("uuid").mandatory().describedAs("the snapshot"))
            .param(ParameterDescriptor.string("name").range(1, 255).describedAs("new name"))
            .param(ParameterDescriptor.string("description").maxLength(2048).describedAs("new description"))
            .rest(RestBinding.put("/volume-snapshots/{uuid}/actions", "updateVolumeSnapshot"))
            .build();

    /** Wires the operation. */
    public UpdateVolumeSnapshotOperation(VolumeManager volumes) { super(DESCRIPTOR, volumes); }

    @Override
    public Flow flow(OperationRequest request) {
        String uuid = request.string("uuid");
        return Flow.named(DESCRIPTOR.name())
                .step("update-snapshot", ctx -> {
                    VolumeSnapshotEntity before = require(uuid);
                    ctx.put("before", Arrays.asList(before.getName(), before.getDescription()));
                    volumes.snapshots().update(uuid, s -> {
                        if (request.has("name")) {
                            s.setName(request.string("name"));
                        }
                        if (request.has("description")) {
                            s.setDescription(request.string("description"));
                        }
                    });
                }, ctx -> {
                    if (ctx.get("before") instanceof List<?> b) {
                        volumes.snapshots().update(uuid, s -> {
                            s.setName((String) b.get(0));
                            s.setDescription((String) b.get(1));
                        });
                    }
                })
                .step("announce", ctx -> {
                    VolumeSnapshotInventory inv = require(uuid).toInventory();
                    volumes.events().publish(new ResourceEvent(EventType.UPDATED, VolumeSnapshotInventory.RESOURCE_TYPE, uuid, inv,
                            null, null, null, null));
                    ctx.result(OperationResult.inventory(inv));
                })
                .build();
    }
}
