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
import io.kumo.compute.storage.Snapshots;

import java.util.Map;

/** {@code PUT /images/{uuid}/actions {"updateImage":{...}}}: changes what an image says about itself. */
public class UpdateImageOperation extends ExistingImageOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("UpdateImage")
            .description("Change the name, description, guest OS type, media type, platform or system flag of an image")
            .kind(OperationKind.ACTION).resourceType(ImageInventory.RESOURCE_TYPE).access(AccessLevel.TENANT).inventoryType(ImageInventory.class)
            .param(ParameterDescriptor.uuid("uuid").mandatory().describedAs("the image"))
            .param(ParameterDescriptor.string("name").range(1, 255).describedAs("new name"))
            .param(ParameterDescriptor.string("description").maxLength(2048).describedAs("new description"))
            .param(ParameterDescriptor.string("guestOsType").maxLength(255).describedAs("new guest OS type"))
            .param(ParameterDescriptor.string("mediaType").oneOf("RootVolumeTemplate", "DataVolumeTemplate").describedAs("new media type (not of an ISO)"))
            .param(ParameterDescriptor.string("platform").oneOf("Linux", "Windows", "Other", "Paravirtualization").describedAs("new platform"))
            .param(ParameterDescriptor.bool("system").describedAs("new system flag"))
            .rest(RestBinding.put("/images/{uuid}/actions", "updateImage"))
            .build();

    /** Wires the operation. */
    public UpdateImageOperation(ImageStore store, ImageManager images, EventPublisher events) {
        super(DESCRIPTOR, store, images, events);
    }

    @Override
    public void check(OperationRequest request) {
        ImageEntity image = images.require(request.string("uuid"));
        if (request.has("mediaType") && "ISO".equals(image.getMediaType())) {
            throw io.kumo.api.error.ApiException.invalidArgument("image " + image.getUuid() + " is an ISO; its media type cannot change");
        }
    }

    @Override
    public Flow flow(OperationRequest request) {
        String uuid = request.string("uuid");
        return Flow.named(DESCRIPTOR.name())
                .step("update", ctx -> {
                    ctx.put("before", Snapshots.of(images.require(uuid).toInventory()));
                    store.update(uuid, i -> {
                        if (request.has("name")) { i.setName(request.string("name")); }
                        if (request.has("description")) { i.setDescription(request.string("description")); }
                        if (request.has("guestOsType")) { i.setGuestOsType(request.string("guestOsType")); }
                        if (request.has("mediaType")) { i.setMediaType(request.string("mediaType")); }
                        if (request.has("platform")) { i.setPlatform(request.string("platform")); }
                        if (request.has("system")) { i.setSystem(request.bool("system")); }
                    });
                }, ctx -> {
                    if (ctx.get("before") instanceof Map<?, ?> b) {
                        store.update(uuid, i -> {
                            i.setName((String) b.get("name"));
                            i.setDescription((String) b.get("description"));
                            i.setGuestOsType((String) b.get("guestOsType"));
                            i.setMediaType((String) b.get("mediaType"));
                            i.setPlatform((String) b.get("platform"));
                            i.setSystem(Boolean.TRUE.equals(b.get("system")));
                        });
                    }
                })
                .step("announce", ctx -> ctx.result(OperationResult.inventory(images.announceUpdate(uuid))))
                .build();
    }
}
