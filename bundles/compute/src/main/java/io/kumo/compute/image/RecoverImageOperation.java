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
import io.kumo.compute.quota.ComputeQuotas;
import io.kumo.compute.quota.Quotas;

import java.util.Map;

/** {@code PUT /images/{uuid}/actions {"recoverImage":{}}}: brings an image back from the recycle bin, Ready. */
public class RecoverImageOperation extends ExistingImageOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("RecoverImage")
            .description("Recover an image from the recycle bin")
            .kind(OperationKind.ACTION).resourceType(ImageInventory.RESOURCE_TYPE).access(AccessLevel.TENANT).inventoryType(ImageInventory.class)
            .param(ParameterDescriptor.uuid("uuid").mandatory().describedAs("the image"))
            .rest(RestBinding.put("/images/{uuid}/actions", "recoverImage"))
            .build();

    private Quotas quotas = Quotas.NONE;

    /** Wires the operation. */
    public RecoverImageOperation(ImageStore store, ImageManager images, EventPublisher events) {
        super(DESCRIPTOR, store, images, events);
    }

    /** @param quotas the quota checks of accounts, set by Blueprint (none: unlimited) */
    public void setQuotas(Quotas quotas) { this.quotas = quotas == null ? Quotas.NONE : quotas; }

    /** An image in the recycle bin is not counted by image.num and image.size; recovering it counts it again. */
    @Override
    public void check(OperationRequest request) {
        ImageEntity image = requireInRecycleBin(request, true, "only images in the recycle bin (Deleted) can be recovered");
        long size = image.getActualSize() > 0 ? image.getActualSize() : image.getSize();
        quotas.checkFor(image.getUuid(), request, Map.of(ComputeQuotas.IMAGE_NUM, 1L, ComputeQuotas.IMAGE_SIZE, size));
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
