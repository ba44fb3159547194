package io.kumo.core.zone;

import io.kumo.api.event.EventPublisher;
import io.kumo.api.event.EventType;
import io.kumo.api.event.ResourceEvent;
import io.kumo.api.job.Flow;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.tag.TagInventory;
import io.kumo.api.tag.TagService;
import io.kumo.api.tag.TagType;
import io.kumo.api.zone.ZoneInventory;
import io.kumo.core.json.Json;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;

/**
 * {@code DELETE /zones/{uuid}?deleteMode=Permissive|Enforcing}: deletes a zone and its tags. The zone is snapshotted
 * in the job so that a failure restores it exactly.
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

    private final TagService tags;

    /** Wires the operation. */
    public DeleteZoneOperation(ZoneStore store, ZoneManager zones, TagService tags, EventPublisher events) {
        super(DESCRIPTOR, store, zones, events);
        this.tags = tags;
    }


    @Override
    public Flow flow(OperationRequest request) {
        String uuid = request.string("uuid");
        return Flow.named(DESCRIPTOR.name())
                .step("detach-tags", ctx -> {
                    ctx.put("tags", Json.MAPPER.convertValue(tags.tagsOf(uuid), List.class));
                    tags.detachAll(uuid);
                }, ctx -> {
                    if (ctx.get("tags") instanceof List<?> saved && tags.tagsOf(uuid).isEmpty()) {
                        for (Object o : saved) {
                            TagInventory t = Json.MAPPER.convertValue(o, TagInventory.class);
                            tags.attach(t.resourceType(), uuid, List.of(t.tag()), t.type() == null ? TagType.User : t.type());
                        }
                    }
                })
                .step("delete-zone", ctx -> {
                    ZoneEntity z = store.find(uuid);
                    if (z != null) {
                        ctx.put("zone", Json.toMap(z.toInventory()));
                        store.delete(uuid);
                    }
                }, ctx -> {
                    if (ctx.get("zone") instanceof Map<?, ?> m && !store.exists(uuid)) {
                        ZoneEntity z = new ZoneEntity();
                        z.setUuid(uuid);
                        z.setName((String) m.get("name"));
                        z.setDescription((String) m.get("description"));
                        z.setState((String) m.get("state"));
                        z.setType((String) m.get("type"));
                        z.setDefault(Boolean.TRUE.equals(m.get("isDefault")));
                        Timestamp now = new Timestamp(System.currentTimeMillis());
                        z.setCreateDate(now);
                        z.setLastOpDate(now);
                        store.create(z);
                    }
                })
                .step("announce", ctx -> {
                    Object inv = ctx.get("zone");
                    if (inv != null) {
                        events.publish(new ResourceEvent(EventType.DELETED, ZoneInventory.RESOURCE_TYPE, uuid, inv, null, null, null, null));
                    }
                })
                .build();
    }
}
