package io.kumo.compute.image;

import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.event.EventPublisher;
import io.kumo.api.operation.AsyncOperation;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationRequest;

/**
 * What every operation on an existing image shares: it is serialized on the image's uuid, and refused with a 404
 * before any job exists when the image is not there.
 */
abstract class ExistingImageOperation implements AsyncOperation {
    protected final ImageStore store;
    protected final ImageManager images;
    protected final EventPublisher events;
    private final OperationDescriptor descriptor;

    ExistingImageOperation(OperationDescriptor descriptor, ImageStore store, ImageManager images, EventPublisher events) {
        this.descriptor = descriptor;
        this.store = store;
        this.images = images;
        this.events = events;
    }

    @Override public final OperationDescriptor descriptor() { return descriptor; }
    @Override public final String serializationKey(OperationRequest request) { return request.string("uuid"); }
    @Override public void check(OperationRequest request) { images.require(request.string("uuid")); }

    /** @throws ApiException 409 unless the image is in the recycle bin (or, if {@code inBin} is false, out of it) */
    protected final ImageEntity requireInRecycleBin(OperationRequest request, boolean inBin, String whatToDo) {
        ImageEntity image = images.require(request.string("uuid"));
        if ("Deleted".equals(image.getStatus()) != inBin) {
            throw new ApiException(ErrorCode.INVALID_STATE, "image " + image.getUuid() + " is " + image.getStatus() + "; " + whatToDo);
        }
        return image;
    }
}
