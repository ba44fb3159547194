package io.kumo.core.zone;

import io.kumo.api.event.EventPublisher;
import io.kumo.api.event.EventType;
import io.kumo.api.event.ResourceEvent;
import io.kumo.api.inventory.DependentResourceService;
import io.kumo.api.job.Flow;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.core.tag.TagStore;
import io.kumo.api.zone.ZoneInventory;
import io.kumo.core.json.Json;

import java.util.List;
import java.util.Map;

/**
 * {@code DELETE /zones/{uuid}?deleteMode=Permissive|Enforcing}: deletes a zone and its tags. Permissive refuses while
 * other modules keep resources in the zone (clusters, storage, networks), naming them; Enforcing deletes those first.
 * The zone and its tags are snapshotted in the job so that a failure restores them exactly (same uuids and dates).
 */
public class DeleteZoneOperation extends ExistingZoneOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("DeleteZone")
            .description("Delete a zone")
            .kind(OperationKind.DELETE).resourceType(ZoneInventory.RESOURCE_TYPE)
            .param(ParameterDescriptor.uuid("uuid").mandatory().describedAs("the zone"))
            .param(ParameterDescriptor.string("deleteMode").oneOf("Permissive", "Enforcing").withDefault("Permissive")
                    .describedAs("Permissive refuses while the zone has children; Enforcing deletes them too"))
            .rest(RestBinding.delete("/zones/{uuid}"))
            .build();

    private final TagStore tags;
    private final DependentResourceService dependents;

    /** Wires the operation. */
    public DeleteZoneOperation(ZoneStore store, ZoneManager zones, TagStore tags, EventPublisher events,
                               DependentResourceService dependents) {
        super(DESCRIPTOR, store, zones, events);
        this.tags = tags;
        this.dependents = dependents;
    }

    @Override
    public void check(OperationRequest request) {
        super.check(request);
        if (!"Enforcing".equals(request.string("deleteMode"))) {
            dependents.requireNoDependents(ZoneInventory.RESOURCE_TYPE, request.string("uuid"));
        }
    }


    @Override
    public Flow flow(OperationRequest request) {
        String uuid = request.string("uuid");
        return Flow.named(DESCRIPTOR.name())
                // a cascade cannot be undone: it runs first, so that a failure keeps the zone
                .step("delete-dependents", ctx -> {
                    // Enforcing: everything under it; Permissive (checked: nothing blocks): the attachments left
                    dependents.deleteDependents(ZoneInventory.RESOURCE_TYPE, uuid);
                })
                .step("detach-tags", ctx -> {
                    ctx.put("tags", tags.snapshotsOf(uuid));
                    tags.deleteByResource(uuid);
                }, ctx -> {
                    if (ctx.get("tags") instanceof List<?> saved) {
                        tags.restore(saved);
                    }
                })
                .step("delete-zone", ctx -> {
                    ZoneEntity z = store.find(uuid);
                    if (z != null) {
                        ctx.put("zone", z.snapshot());
                        ctx.put("inventory", Json.toMap(z.toInventory()));
                        store.delete(uuid);
                    }
                }, ctx -> {
                    if (ctx.get("zone") instanceof Map<?, ?> saved) {
                        store.restore(saved);
                    }
                })
                .step("announce", ctx -> {
                    Object inv = ctx.get("inventory");
                    if (inv != null) {
                        events.publish(new ResourceEvent(EventType.DELETED, ZoneInventory.RESOURCE_TYPE, uuid, inv, null, null, null, null));
                    }
                })
                .build();
    }
}
