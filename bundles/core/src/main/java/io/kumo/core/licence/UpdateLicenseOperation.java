package io.kumo.core.licence;

import io.kumo.api.error.ApiException;
import io.kumo.api.event.EventPublisher;
import io.kumo.api.event.EventType;
import io.kumo.api.event.ResourceEvent;
import io.kumo.api.job.Flow;
import io.kumo.api.licence.LicenceInventory;
import io.kumo.api.licence.LicenceService;
import io.kumo.api.node.ClusterService;
import io.kumo.api.operation.AsyncOperation;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code PUT /licenses/mn/{managementNodeUuid}/actions {"updateLicense":{"license":"<base64 file>"}}}: verifies a
 * licence file and stores it for the whole installation. A platform licence replaces the previous one; a module
 * licence needs a platform licence first. Refused files (format, signature, dates, modules) are 400s, nothing written.
 */
public class UpdateLicenseOperation implements AsyncOperation {
    /** Every licence change is serialized on this one key. */
    static final String KEY = "licences";
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("UpdateLicense")
            .description("Upload a licence file (platform or module licence)")
            .kind(OperationKind.ACTION).resourceType(LicenceInventory.RESOURCE_TYPE)
            .param(ParameterDescriptor.uuid("managementNodeUuid").mandatory()
                    .describedAs("a management node of this installation; the licence applies to all of them"))
            .param(ParameterDescriptor.string("license").mandatory().maxLength(128 * 1024)
                    .describedAs("the licence file encoded in base64 (base64 -w0 kumo.lic)"))
            .param(ParameterDescriptor.string("additionSession").maxLength(4096)
                    .describedAs("accepted for compatibility with ZStack clients; not used"))
            .rest(RestBinding.put("/licenses/mn/{managementNodeUuid}/actions", "updateLicense"))
            .inventoryType(LicenceInventory.class)
            .build();

    private final LicenceManager licences;
    private final LicenceStore store;
    private final ClusterService cluster;
    private final EventPublisher events;

    /** Wires the operation. */
    public UpdateLicenseOperation(LicenceManager licences, LicenceStore store, ClusterService cluster, EventPublisher events) {
        this.licences = licences;
        this.store = store;
        this.cluster = cluster;
        this.events = events;
    }

    @Override public OperationDescriptor descriptor() { return DESCRIPTOR; }
    @Override public String serializationKey(OperationRequest request) { return KEY; }

    @Override
    public void check(OperationRequest request) {
        requireNode(cluster, request.string("managementNodeUuid"));
        LicenceFile file = LicenceFile.upload(request.string("license"), licences.keys(), licences.now());
        if (!file.isPlatform() && licences.platformLicence().filter(p -> LicenceInventory.BASIC.equals(p.licenseType())).isEmpty()) {
            throw new ApiException(LicenceService.LICENCE_REQUIRED, "module licence " + file.uuid() + " needs a platform "
                    + "licence, which this installation does not have (a trial does not count); upload the platform licence first");
        }
    }

    /** @throws ApiException 404 if the uuid is not a management node of this installation */
    static void requireNode(ClusterService cluster, String uuid) {
        if (cluster.nodes().stream().noneMatch(n -> n.uuid().equals(uuid))) {
            throw ApiException.notFound("management node", uuid);
        }
    }

    @Override
    public Flow flow(OperationRequest request) {
        return Flow.named(DESCRIPTOR.name())
                .step("store-licence", ctx -> {
                    LicenceFile file = LicenceFile.upload(request.string("license"), licences.keys(), licences.now());
                    List<Map<String, Object>> replaced = new ArrayList<>();
                    for (LicenceEntity old : store.all()) {
                        boolean olderPlatform = file.isPlatform() && LicenceInventory.BASIC.equals(old.getLicenseType());
                        if (olderPlatform || old.getUuid().equals(file.uuid())) {
                            replaced.add(snapshot(old));
                            store.delete(old.getUuid());
                        }
                    }
                    ctx.put("replaced", replaced);
                    ctx.put("uuid", file.uuid());
                    LicenceEntity row = new LicenceEntity();
                    row.setUuid(file.uuid());
                    row.setLicenseType(file.licenseType());
                    row.setProduct(file.isPlatform() ? file.edition() : String.join(",", file.modules()));
                    row.setExpiredDate(Timestamp.from(file.expiredDate()));
                    row.setUploadDate(Timestamp.from(licences.now()));
                    row.setContent(file.text());
                    store.put(row);
                    licences.invalidate();
                }, ctx -> {
                    if (ctx.getString("uuid") != null) {
                        store.delete(ctx.getString("uuid"));
                    }
                    if (ctx.get("replaced") instanceof List<?> rows) {
                        rows.forEach(r -> store.put(restore((Map<?, ?>) r)));
                    }
                    licences.invalidate();
                })
                .step("announce", ctx -> {
                    String uuid = ctx.getString("uuid");
                    LicenceInventory inv = licences.all().stream().filter(l -> l.uuid().equals(uuid)).findFirst()
                            .orElseThrow(() -> new IllegalStateException("licence " + uuid + " was stored but does not read back"));
                    ctx.result(OperationResult.inventory(inv));
                    events.publish(new ResourceEvent(EventType.UPDATED, LicenceInventory.RESOURCE_TYPE, uuid, inv, null, null, null, null));
                })
                .build();
    }

    /** @param row a stored licence @return its columns, for a rollback to put it back */
    static Map<String, Object> snapshot(LicenceEntity row) {
        Map<String, Object> m = new java.util.HashMap<>(Map.of("uuid", row.getUuid(), "licenseType", row.getLicenseType(),
                "product", row.getProduct(), "expiredDate", row.getExpiredDate().getTime(),
                "uploadDate", row.getUploadDate().getTime(), "content", row.getContent()));
        if (row.getReminderDays() != null) {
            m.put("reminderDays", row.getReminderDays());
        }
        return m;
    }

    /** @param m a {@link #snapshot} @return the row it describes */
    static LicenceEntity restore(Map<?, ?> m) {
        LicenceEntity row = new LicenceEntity();
        row.setUuid((String) m.get("uuid"));
        row.setLicenseType((String) m.get("licenseType"));
        row.setProduct((String) m.get("product"));
        row.setExpiredDate(new Timestamp(((Number) m.get("expiredDate")).longValue()));
        row.setUploadDate(new Timestamp(((Number) m.get("uploadDate")).longValue()));
        row.setContent((String) m.get("content"));
        row.setReminderDays(m.get("reminderDays") instanceof Number n ? n.intValue() : null);
        return row;
    }
}
