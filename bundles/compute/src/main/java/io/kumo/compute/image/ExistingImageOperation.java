package io.kumo.compute.image;

import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.event.EventPublisher;
import io.kumo.api.operation.ExistingResourceOperation;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationRequest;

/**
 * What every operation on an existing image shares: it is serialized on the image's uuid, and refused with a 404
 * before any job exists when the image is not there.
 */
abstract class ExistingImageOperation extends ExistingResourceOperation {
    protected final ImageStore store;
    protected final ImageManager images;
    protected final EventPublisher events;

    ExistingImageOperation(OperationDescriptor descriptor, ImageStore store, ImageManager images, EventPublisher events) {
        super(descriptor);
        this.store = store;
        this.images = images;
        this.events = events;
    }

    @Override protected final void requireExisting(String uuid) { images.require(uuid); }

    /** @throws ApiException 409 unless the image is in the recycle bin (or, if {@code inBin} is false, out of it) */
    protected final ImageEntity requireInRecycleBin(OperationRequest request, boolean inBin, String whatToDo) {
        ImageEntity image = images.require(request.string("uuid"));
        if ("Deleted".equals(image.getStatus()) != inBin) {
            throw new ApiException(ErrorCode.INVALID_STATE, "image " + image.getUuid() + " is " + image.getStatus() + "; " + whatToDo);
        }
        return image;
    }
}
