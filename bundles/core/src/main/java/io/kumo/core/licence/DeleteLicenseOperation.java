package io.kumo.core.licence;

import io.kumo.api.error.ApiException;
import io.kumo.api.event.EventPublisher;
import io.kumo.api.event.EventType;
import io.kumo.api.event.ResourceEvent;
import io.kumo.api.job.Flow;
import io.kumo.api.licence.LicenceInventory;
import io.kumo.api.licence.LicensedModules;
import io.kumo.api.node.ClusterService;
import io.kumo.api.operation.AsyncOperation;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code DELETE /licenses/mn/{managementNodeUuid}/actions?uuid=...} or {@code ?module=...}: removes a licence, or every
 * licence of a module. Without its licence a module's operations are refused again; its resources stay.
 */
public class DeleteLicenseOperation implements AsyncOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("DeleteLicense")
            .description("Delete a licence, by uuid or by module")
            .kind(OperationKind.DELETE).resourceType(LicenceInventory.RESOURCE_TYPE)
            .param(ParameterDescriptor.uuid("managementNodeUuid").mandatory().describedAs("a management node of this installation"))
            .param(ParameterDescriptor.uuid("uuid").describedAs("the licence to delete"))
            .param(ParameterDescriptor.string("module").oneOf(LicensedModules.ALL.stream().sorted().toArray(String[]::new))
                    .describedAs("delete every licence of this module instead"))
            .rest(RestBinding.delete("/licenses/mn/{managementNodeUuid}/actions"))
            .build();

    private final LicenceManager licences;
    private final LicenceStore store;
    private final ClusterService cluster;
    private final EventPublisher events;

    /** Wires the operation. */
    public DeleteLicenseOperation(LicenceManager licences, LicenceStore store, ClusterService cluster, EventPublisher events) {
        this.licences = licences;
        this.store = store;
        this.cluster = cluster;
        this.events = events;
    }

    @Override public OperationDescriptor descriptor() { return DESCRIPTOR; }
    @Override public String serializationKey(OperationRequest request) { return UpdateLicenseOperation.KEY; }

    @Override
    public void check(OperationRequest request) {
        UpdateLicenseOperation.requireNode(cluster, request.string("managementNodeUuid"));
        if (request.has("uuid") == request.has("module")) {
            throw ApiException.invalidArgument("give either uuid (one licence) or module (every licence of a module), not "
                    + (request.has("uuid") ? "both" : "neither"));
        }
        List<LicenceEntity> targets = targets(request);
        if (targets.isEmpty()) {
            throw request.has("uuid") ? ApiException.notFound("licence", request.string("uuid"))
                    : ApiException.notFound("licence of module", request.string("module"));
        }
        if (targets.stream().anyMatch(l -> LicenceFile.TRIAL.equals(l.getLicenseType()))) {
            throw ApiException.invalidArgument("the trial licence cannot be deleted: it ends by itself on "
                    + targets.get(0).getExpiredDate().toInstant() + ", or as soon as a platform licence is uploaded");
        }
    }

    private List<LicenceEntity> targets(OperationRequest request) {
        String uuid = request.string("uuid");
        String module = request.string("module");
        return store.all().stream().filter(l -> uuid != null ? l.getUuid().equals(uuid)
                : LicenceInventory.ADD_ON.equals(l.getLicenseType()) && Arrays.asList(l.getProduct().split(",")).contains(module))
                .toList();
    }

    @Override
    public Flow flow(OperationRequest request) {
        return Flow.named(DESCRIPTOR.name())
                .step("delete-licences", ctx -> {
                    List<Map<String, Object>> deleted = new ArrayList<>();
                    for (LicenceEntity row : targets(request)) {
                        deleted.add(UpdateLicenseOperation.snapshot(row));
                        store.delete(row.getUuid());
                    }
                    ctx.put("deleted", deleted);
                    licences.invalidate();
                }, ctx -> {
                    if (ctx.get("deleted") instanceof List<?> rows) {
                        rows.forEach(r -> store.put(UpdateLicenseOperation.restore((Map<?, ?>) r)));
                    }
                    licences.invalidate();
                })
                .step("announce", ctx -> {
                    if (ctx.get("deleted") instanceof List<?> rows) {
                        for (Object r : rows) {
                            String uuid = (String) ((Map<?, ?>) r).get("uuid");
                            events.publish(new ResourceEvent(EventType.DELETED, LicenceInventory.RESOURCE_TYPE, uuid, null, null, null, null, null));
                        }
                    }
                })
                .build();
    }
}
