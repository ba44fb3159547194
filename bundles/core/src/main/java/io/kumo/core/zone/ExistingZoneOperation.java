package io.kumo.core.zone;

import io.kumo.api.event.EventPublisher;
import io.kumo.api.operation.ExistingResourceOperation;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationRequest;

/**
 * What every operation on an existing zone shares: it is serialized on the zone's uuid, and refused with a 404
 * before any job exists when the zone is not there.
 */
abstract class ExistingZoneOperation extends ExistingResourceOperation {
    protected final ZoneStore store;
    protected final ZoneManager zones;
    protected final EventPublisher events;

    ExistingZoneOperation(OperationDescriptor descriptor, ZoneStore store, ZoneManager zones, EventPublisher events) {
        super(descriptor);
        this.store = store;
        this.zones = zones;
        this.events = events;
    }

    @Override protected final void requireExisting(String uuid) { zones.require(uuid); }
}
