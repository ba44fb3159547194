package io.kumo.compute.image;

import io.kumo.api.operation.AccessLevel;
import io.kumo.api.event.EventPublisher;
import io.kumo.api.event.EventType;
import io.kumo.api.event.ResourceEvent;
import io.kumo.api.image.ImageInventory;
import io.kumo.api.job.Flow;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;

/** {@code PUT /images/{uuid}/actions {"changeImageState":{"stateEvent":"enable|disable"}}}. */
public class ChangeImageStateOperation extends ExistingImageOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("ChangeImageState")
            .description("Enable or disable an image; VMs are created from enabled images only")
            .kind(OperationKind.ACTION).resourceType(ImageInventory.RESOURCE_TYPE).access(AccessLevel.TENANT).inventoryType(ImageInventory.class)
            .param(ParameterDescriptor.uuid("uuid").mandatory().describedAs("the image"))
            .param(ParameterDescriptor.string("stateEvent").mandatory().oneOf("enable", "disable").describedAs("enable or disable"))
            .rest(RestBinding.put("/images/{uuid}/actions", "changeImageState"))
            .build();

    /** Wires the operation. */
    public ChangeImageStateOperation(ImageStore store, ImageManager images, EventPublisher events) {
        super(DESCRIPTOR, store, images, events);
    }

    @Override
    public Flow flow(OperationRequest request) {
        String uuid = request.string("uuid");
        String newState = "enable".equals(request.string("stateEvent")) ? "Enabled" : "Disabled";
        return Flow.named(DESCRIPTOR.name())
                .step("change-state", ctx -> {
                    ctx.put("oldState", images.require(uuid).getState());
                    store.update(uuid, i -> i.setState(newState));
                }, ctx -> {
                    if (ctx.get("oldState") != null) {
                        store.update(uuid, i -> i.setState(ctx.getString("oldState")));
                    }
                })
                .step("announce", ctx -> {
                    ImageInventory inv = images.require(uuid).toInventory();
                    ctx.result(OperationResult.inventory(inv));
                    String old = ctx.getString("oldState");
                    events.publish(newState.equals(old)
                            ? new ResourceEvent(EventType.UPDATED, ImageInventory.RESOURCE_TYPE, uuid, inv, null, null, null, null)
                            : new ResourceEvent(EventType.STATE_CHANGED, ImageInventory.RESOURCE_TYPE, uuid, inv, old, newState, null, null));
                })
                .build();
    }
}
