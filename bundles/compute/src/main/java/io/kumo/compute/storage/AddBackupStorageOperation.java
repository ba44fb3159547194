package io.kumo.compute.storage;

import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.event.EventPublisher;
import io.kumo.api.event.EventType;
import io.kumo.api.event.ResourceEvent;
import io.kumo.api.job.Flow;
import io.kumo.api.operation.AddOperationSpec;
import io.kumo.api.operation.AsyncOperation;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.storage.BackupStorageBackend;
import io.kumo.api.storage.BackupStorageInventory;
import io.kumo.api.storage.StorageCapacity;
import io.kumo.api.tag.TagService;
import io.kumo.api.tag.TagType;

import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adds backup storage of one backend's type, at the backend's path (e.g. {@code POST /backup-storage/simulators}):
 * it serves no zone until attached to one;
 * the storage is persisted as {@code Connecting}, connected by the backend (which reports its capacity), then
 * {@code Connected}. A failure removes it.
 */
public class AddBackupStorageOperation implements AsyncOperation {
    private final OperationDescriptor descriptor;
    private final AddOperationSpec spec;
    private final BackupStorageBackend backend;
    private final BackupStorageStore store;
    private final TagService tags;
    private final EventPublisher events;

    /** Wires the operation of one backend. */
    public AddBackupStorageOperation(BackupStorageBackend backend, BackupStorageStore store, TagService tags, EventPublisher events) {
        this.spec = backend.addOperation();
        this.backend = backend;
        this.store = store;
        this.tags = tags;
        this.events = events;
        this.descriptor = OperationDescriptor.builder(spec.operationName())
                .description(spec.description())
                .kind(OperationKind.CREATE).resourceType(BackupStorageInventory.RESOURCE_TYPE)
                .inventoryType(BackupStorageInventory.class)
                .param(ParameterDescriptor.string("name").mandatory().range(1, 255).describedAs("storage name"))
                .param(ParameterDescriptor.string("description").maxLength(2048).describedAs("free text"))
                .param(ParameterDescriptor.string("url").mandatory().range(1, 2048).describedAs("where the storage is, in the backend's terms"))
                .param(ParameterDescriptor.uuid("resourceUuid").describedAs("uuid to give the storage instead of a generated one"))
                .params(spec.parameters())
                .rest(RestBinding.post(spec.restPath()))
                .build();
    }

    @Override public OperationDescriptor descriptor() { return descriptor; }

    @Override public String serializationKey(OperationRequest request) { return uuidOf(request); }

    private static String uuidOf(OperationRequest request) {
        return request.has("resourceUuid") ? request.string("resourceUuid") : request.requestId();
    }

    @Override
    public void check(OperationRequest request) {
        if (store.exists(uuidOf(request))) {
            throw new ApiException(ErrorCode.CONFLICT, "a backup storage with uuid " + uuidOf(request)
                    + " already exists; omit resourceUuid to get a new one");
        }
    }

    private Map<String, String> properties(OperationRequest request) {
        Map<String, String> props = new LinkedHashMap<>();
        spec.parameters().forEach(p -> {
            if (request.has(p.name())) {
                props.put(p.name(), request.string(p.name()));
            }
        });
        return props;
    }

    @Override
    public Flow flow(OperationRequest request) {
        String uuid = uuidOf(request);
        Flow.Builder flow = Flow.named(descriptor.name())
                .step("persist", ctx -> {
                    Timestamp now = new Timestamp(System.currentTimeMillis());
                    BackupStorageEntity ps = new BackupStorageEntity();
                    ps.setUuid(uuid);
                    ps.setName(request.string("name"));
                    ps.setDescription(request.string("description"));
                    ps.setUrl(request.string("url"));
                    ps.setType(backend.type());
                    ps.setState("Enabled");
                    ps.setStatus("Connecting");
                    ps.setProperties(properties(request));
                    ps.setCreateDate(now);
                    ps.setLastOpDate(now);
                    store.create(ps);
                }, ctx -> store.delete(uuid))
                .step("connect", ctx -> {
                    BackupStorageEntity ps = store.find(uuid);
                    StorageCapacity capacity = backend.connect(ps.toInventory(), ps.getProperties());
                    store.update(uuid, p -> {
                        p.setTotalCapacity(capacity.total());
                        p.setAvailableCapacity(capacity.available());
                        p.setStatus("Connected");
                    });
                });
        if (!request.systemTags().isEmpty() || !request.userTags().isEmpty()) {
            flow.step("attach-tags", ctx -> {
                tags.attach(BackupStorageManager.VO_NAME, uuid, request.systemTags(), TagType.System);
                tags.attach(BackupStorageManager.VO_NAME, uuid, request.userTags(), TagType.User);
            }, ctx -> tags.detachAll(uuid));
        }
        return flow.step("announce", ctx -> {
            BackupStorageInventory inv = store.find(uuid).toInventory();
            ctx.result(OperationResult.inventory(inv));
            events.publish(new ResourceEvent(EventType.CREATED, BackupStorageInventory.RESOURCE_TYPE, uuid, inv, null, null, null, null));
        }).build();
    }
}
