package io.kumo.compute.storage;

import io.kumo.api.error.ApiException;
import io.kumo.api.event.EventPublisher;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.storage.PrimaryStorageBackend;
import io.kumo.api.storage.PrimaryStorageInventory;
import io.kumo.api.storage.StorageCapacity;
import io.kumo.api.tag.TagService;
import io.kumo.api.zone.ZoneService;

import java.util.List;

/**
 * Adds primary storage of one backend's type, at the backend's path (e.g. {@code POST /primary-storage/simulators}),
 * in the zone it serves: the storage is persisted as {@code Connecting}, connected by the backend (which reports its
 * capacity), then {@code Connected}. A failure removes it.
 */
public class AddPrimaryStorageOperation extends AddStorageOperation<PrimaryStorageEntity> {
    private final PrimaryStorageBackend backend;
    private final ZoneService zones;

    /** Wires the operation of one backend. */
    public AddPrimaryStorageOperation(PrimaryStorageBackend backend, PrimaryStorageStore store, ZoneService zones,
                                      TagService tags, EventPublisher events) {
        super(backend.addOperation(), backend.type(), "primary storage", PrimaryStorageManager.VO_NAME,
                PrimaryStorageInventory.class,
                List.of(ParameterDescriptor.uuid("zoneUuid").mandatory().describedAs("the zone it serves")),
                store, tags, events);
        this.backend = backend;
        this.zones = zones;
    }

    @Override
    public void check(OperationRequest request) {
        if (zones.get(request.string("zoneUuid")).isEmpty()) {
            throw ApiException.notFound("zone", request.string("zoneUuid"));
        }
        super.check(request);
    }

    @Override
    protected PrimaryStorageEntity newEntity(OperationRequest request) {
        PrimaryStorageEntity ps = new PrimaryStorageEntity();
        ps.setZoneUuid(request.string("zoneUuid"));
        return ps;
    }

    @Override
    protected StorageCapacity connect(PrimaryStorageEntity ps) throws Exception {
        return backend.connect(ps.toInventory(), ps.getProperties());
    }

    @Override
    protected void connected(PrimaryStorageEntity ps, StorageCapacity capacity) {
        super.connected(ps, capacity);
        ps.setTotalPhysicalCapacity(capacity.total());
        ps.setAvailablePhysicalCapacity(capacity.available());
    }
}
