package io.kumo.core.zone;

import io.kumo.api.event.EventPublisher;
import io.kumo.api.operation.AsyncOperation;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationRequest;

/**
 * What every operation on an existing zone shares: it is serialized on the zone's uuid, and refused with a 404
 * before any job exists when the zone is not there.
 */
abstract class ExistingZoneOperation implements AsyncOperation {
    protected final ZoneStore store;
    protected final ZoneManager zones;
    protected final EventPublisher events;
    private final OperationDescriptor descriptor;

    ExistingZoneOperation(OperationDescriptor descriptor, ZoneStore store, ZoneManager zones, EventPublisher events) {
        this.descriptor = descriptor;
        this.store = store;
        this.zones = zones;
        this.events = events;
    }

    @Override public final OperationDescriptor descriptor() { return descriptor; }
    @Override public final String serializationKey(OperationRequest request) { return request.string("uuid"); }
    @Override public void check(OperationRequest request) { zones.require(request.string("uuid")); }
}
