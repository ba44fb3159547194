package io.kumo.compute.image;

import io.kumo.api.operation.AccessLevel;
import io.kumo.api.event.EventPublisher;
import io.kumo.api.image.ImageInventory;
import io.kumo.api.job.Flow;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;

/**
 * {@code PUT /images/{uuid}/actions {"expungeImage":{}}}: deletes an image in the recycle bin from every backup
 * storage, then its rows. Cannot be undone; after a backend failure, expunging again finishes the work.
 */
public class ExpungeImageOperation extends ExistingImageOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("ExpungeImage")
            .description("Expunge an image from the recycle bin: delete it from backup storage for good")
            .kind(OperationKind.ACTION).resourceType(ImageInventory.RESOURCE_TYPE).access(AccessLevel.TENANT)
            .param(ParameterDescriptor.uuid("uuid").mandatory().describedAs("the image"))
            .param(ParameterDescriptor.stringList("backupStorageUuids").describedAs("ignored: every copy is expunged"))
            .rest(RestBinding.put("/images/{uuid}/actions", "expungeImage"))
            .build();

    /** Wires the operation. */
    public ExpungeImageOperation(ImageStore store, ImageManager images, EventPublisher events) {
        super(DESCRIPTOR, store, images, events);
    }

    @Override
    public void check(OperationRequest request) {
        requireInRecycleBin(request, true, "delete it first (to the recycle bin), then expunge it");
    }

    @Override
    public Flow flow(OperationRequest request) {
        String uuid = request.string("uuid");
        return Flow.named(DESCRIPTOR.name()).step("expunge", ctx -> images.expunge(uuid)).build();
    }
}
