package io.kumo.compute.storage;

import io.kumo.api.event.EventPublisher;
import io.kumo.api.storage.PrimaryStorageBackend;
import io.kumo.api.tag.TagService;
import io.kumo.api.zone.ZoneService;
import org.osgi.framework.BundleContext;

/** Serves {@link AddPrimaryStorageOperation} for each primary storage backend registered. */
public class PrimaryStorageAddOperations extends BackendOperations<PrimaryStorageBackend> {
    /** Wires the operations. */
    public PrimaryStorageAddOperations(BundleContext context, PrimaryStorageStore store, ZoneService zones,
                                       TagService tags, EventPublisher events) {
        super(context, PrimaryStorageBackend.class, backend -> new AddPrimaryStorageOperation(backend, store, zones, tags, events));
    }
}
