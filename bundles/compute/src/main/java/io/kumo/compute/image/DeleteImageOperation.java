package io.kumo.compute.image;

import io.kumo.api.operation.AccessLevel;
import io.kumo.api.config.GlobalConfigService;
import io.kumo.api.event.EventPublisher;
import io.kumo.api.image.ImageInventory;
import io.kumo.api.job.Flow;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;

/**
 * {@code DELETE /images/{uuid}}: moves an image to the recycle bin (status {@code Deleted}), or expunges it at once
 * when the global configuration {@code image.deletionPolicy} is {@code Direct} (read when the job runs).
 */
public class DeleteImageOperation extends ExistingImageOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("DeleteImage")
            .description("Delete an image: to the recycle bin, or at once under deletion policy Direct")
            .kind(OperationKind.DELETE).resourceType(ImageInventory.RESOURCE_TYPE).access(AccessLevel.TENANT)
            .param(ParameterDescriptor.uuid("uuid").mandatory().describedAs("the image"))
            .param(ParameterDescriptor.string("deleteMode").oneOf("Permissive", "Enforcing").withDefault("Permissive")
                    .describedAs("accepted for compatibility: images have no dependents"))
            .rest(RestBinding.delete("/images/{uuid}"))
            .build();

    private final GlobalConfigService config;

    /** Wires the operation. */
    public DeleteImageOperation(ImageStore store, ImageManager images, EventPublisher events, GlobalConfigService config) {
        super(DESCRIPTOR, store, images, events);
        this.config = config;
    }

    @Override
    public void check(OperationRequest request) {
        requireInRecycleBin(request, false, "it is in the recycle bin already: recover or expunge it");
    }

    @Override
    public Flow flow(OperationRequest request) {
        String uuid = request.string("uuid");
        return Flow.named(DESCRIPTOR.name())
                .step("to-recycle-bin", ctx -> {
                    ctx.put("policy", config.value(ImageGlobalConfigs.IMAGE, ImageGlobalConfigs.DELETION_POLICY));
                    ctx.put("oldStatus", images.require(uuid).getStatus());
                    store.update(uuid, i -> i.setStatus("Deleted"));
                }, ctx -> {
                    if (ctx.get("oldStatus") != null) {
                        store.update(uuid, i -> i.setStatus(ctx.getString("oldStatus")));
                    }
                })
                // cannot be undone: the last step
                .step("expunge-or-announce", ctx -> {
                    if (ImageGlobalConfigs.DIRECT.equals(ctx.getString("policy"))) {
                        images.expunge(uuid);
                    } else {
                        images.announceUpdate(uuid);
                    }
                })
                .build();
    }
}
