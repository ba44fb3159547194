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
import io.kumo.api.storage.StorageCapacity;
import io.kumo.api.tag.TagService;
import io.kumo.api.tag.TagType;

import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adds storage of one backend's type, at the backend's path: the storage is persisted as {@code Connecting},
 * connected by the backend (which reports its capacity), then {@code Connected}. A failure removes it. The kinds
 * (primary, backup) say what their rows hold beyond the common columns and how their backend connects.
 *
 * @param <E> the entity of the kind
 */
abstract class AddStorageOperation<E extends StorageEntity<?>> implements AsyncOperation {
    private final OperationDescriptor descriptor;
    private final AddOperationSpec spec;
    private final String what;
    private final String voName;
    private final String backendType;
    protected final StorageStore<E> store;
    private final TagService tags;
    private final EventPublisher events;

    /**
     * @param spec        the backend's add operation
     * @param backendType the backend's storage type
     * @param what        the kind in messages, e.g. "primary storage"
     * @param voName      the kind's VO name in tags
     * @param inventory   the kind's API view
     * @param kindParams  parameters of the kind, after the common ones
     */
    AddStorageOperation(AddOperationSpec spec, String backendType, String what, String voName, Class<?> inventory,
                        List<ParameterDescriptor> kindParams, StorageStore<E> store, TagService tags, EventPublisher events) {
        this.spec = spec;
        this.backendType = backendType;
        this.what = what;
        this.voName = voName;
        this.store = store;
        this.tags = tags;
        this.events = events;
        this.descriptor = OperationDescriptor.builder(spec.operationName())
                .description(spec.description())
                .kind(OperationKind.CREATE).resourceType(store.resourceType())
                .inventoryType(inventory)
                .param(ParameterDescriptor.string("name").mandatory().range(1, 255).describedAs("storage name"))
                .param(ParameterDescriptor.string("description").maxLength(2048).describedAs("free text"))
                .param(ParameterDescriptor.string("url").mandatory().range(1, 2048).describedAs("where the storage is, in the backend's terms"))
                .params(kindParams)
                .param(ParameterDescriptor.uuid("resourceUuid").describedAs("uuid to give the storage instead of a generated one"))
                .params(spec.parameters())
                .rest(RestBinding.post(spec.restPath()))
                .build();
    }

    /** @param request the request @return a new row of the kind with its own columns set from the request */
    protected abstract E newEntity(OperationRequest request);

    /** @param storage the row persisted @return what the backend reports */
    protected abstract StorageCapacity connect(E storage) throws Exception;

    /** Records the capacity reported on connection; kinds with more columns add theirs. */
    protected void connected(E storage, StorageCapacity capacity) {
        storage.setTotalCapacity(capacity.total());
        storage.setAvailableCapacity(capacity.available());
    }

    @Override public OperationDescriptor descriptor() { return descriptor; }

    @Override public String serializationKey(OperationRequest request) { return uuidOf(request); }

    private static String uuidOf(OperationRequest request) {
        return request.has("resourceUuid") ? request.string("resourceUuid") : request.requestId();
    }

    @Override
    public void check(OperationRequest request) {
        if (store.exists(uuidOf(request))) {
            throw new ApiException(ErrorCode.CONFLICT, "a " + what + " with uuid " + uuidOf(request)
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
                    E storage = newEntity(request);
                    storage.setUuid(uuid);
                    storage.setName(request.string("name"));
                    storage.setDescription(request.string("description"));
                    storage.setUrl(request.string("url"));
                    storage.setType(backendType);
                    storage.setState("Enabled");
                    storage.setStatus("Connecting");
                    storage.setProperties(properties(request));
                    storage.setCreateDate(now);
                    storage.setLastOpDate(now);
                    store.create(storage);
                }, ctx -> store.delete(uuid))
                .step("connect", ctx -> {
                    StorageCapacity capacity = connect(store.find(uuid));
                    store.update(uuid, s -> {
                        connected(s, capacity);
                        s.setStatus("Connected");
                    });
                });
        if (!request.systemTags().isEmpty() || !request.userTags().isEmpty()) {
            flow.step("attach-tags", ctx -> {
                tags.attach(voName, uuid, request.systemTags(), TagType.System);
                tags.attach(voName, uuid, request.userTags(), TagType.User);
            }, ctx -> tags.detachAll(uuid));
        }
        return flow.step("announce", ctx -> {
            Object inv = store.find(uuid).toInventory();
            ctx.result(OperationResult.inventory(inv));
            events.publish(new ResourceEvent(EventType.CREATED, store.resourceType(), uuid, inv, null, null, null, null));
        }).build();
    }
}
