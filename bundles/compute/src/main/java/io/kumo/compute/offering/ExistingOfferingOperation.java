package io.kumo.compute.offering;

import io.kumo.api.event.EventPublisher;
import io.kumo.api.event.EventType;
import io.kumo.api.event.ResourceEvent;
import io.kumo.api.job.StepContext;
import io.kumo.api.operation.ExistingResourceOperation;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;

/** Serialized on the offering's uuid; refused with a 404 before any job when it is not there. */
abstract class ExistingOfferingOperation extends ExistingResourceOperation {
    protected final OfferingKind kind;
    protected final OfferingStore store;
    protected final OfferingManager offerings;
    protected final EventPublisher events;

    ExistingOfferingOperation(OperationDescriptor descriptor, OfferingKind kind, OfferingStore store,
                              OfferingManager offerings, EventPublisher events) {
        super(descriptor);
        this.kind = kind;
        this.store = store;
        this.offerings = offerings;
        this.events = events;
    }

    @Override protected final void requireExisting(String uuid) { offerings.require(kind, uuid); }

    /** Returns the offering as it is now and publishes the change. */
    protected final void announce(StepContext ctx, String uuid, EventType type, String oldState, String newState) {
        Object inv = offerings.require(kind, uuid).toInventory();
        ctx.result(OperationResult.inventory(inv));
        events.publish(new ResourceEvent(type, kind.resourceType, uuid, inv, oldState, newState, null, null));
    }
}
