package io.kumo.compute.image;

import io.kumo.api.operation.AccessLevel;
import io.kumo.api.event.EventPublisher;
import io.kumo.api.image.ImageInventory;
import io.kumo.api.job.Flow;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;

/** {@code PUT /images/{uuid}/actions {"recoverImage":{}}}: brings an image back from the recycle bin, Ready. */
public class RecoverImageOperation extends ExistingImageOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("RecoverImage")
            .description("Recover an image from the recycle bin")
            .kind(OperationKind.ACTION).resourceType(ImageInventory.RESOURCE_TYPE).access(AccessLevel.TENANT).inventoryType(ImageInventory.class)
            .param(ParameterDescriptor.uuid("uuid").mandatory().describedAs("the image"))
            .rest(RestBinding.put("/images/{uuid}/actions", "recoverImage"))
            .build();

    /** Wires the operation. */
    public RecoverImageOperation(ImageStore store, ImageManager images, EventPublisher events) {
        super(DESCRIPTOR, store, images, events);
    }

    @Override
    public void check(OperationRequest request) {
        requireInRecycleBin(request, true, "only images in the recycle bin (Deleted) can be recovered");
    }

    @Override
    public Flow flow(OperationRequest request) {
        String uuid = request.string("uuid");
        return Flow.named(DESCRIPTOR.name())
                .step("recover", ctx -> store.update(uuid, i -> i.setStatus("Ready")),
                        ctx -> store.update(uuid, i -> i.setStatus("Deleted")))
                .step("announce", ctx -> ctx.result(OperationResult.inventory(images.announceUpdate(uuid))))
                .build();
    }
}
