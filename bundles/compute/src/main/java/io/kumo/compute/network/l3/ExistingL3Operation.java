package io.kumo.compute.network.l3;

import io.kumo.api.event.EventType;
import io.kumo.api.job.StepContext;
import io.kumo.api.network.L3NetworkInventory;
import io.kumo.api.operation.AsyncOperation;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.compute.network.NetworkEvents;

/**
 * What every operation on an existing L3 network shares: it is serialized on the network's uuid (by default the
 * parameter {@code uuid} or {@code l3NetworkUuid}), refused with a 404 before any job exists when the network is not
 * there, and ends by returning and announcing the network's new inventory.
 */
abstract class ExistingL3Operation implements AsyncOperation {
    protected final L3NetworkStore store;
    protected final L3NetworkManager l3s;
    protected final NetworkEvents events;
    private final OperationDescriptor descriptor;
    private final String uuidParam;

    ExistingL3Operation(OperationDescriptor descriptor, String uuidParam, L3NetworkStore store, L3NetworkManager l3s,
                        NetworkEvents events) {
        this.descriptor = descriptor;
        this.uuidParam = uuidParam;
        this.store = store;
        this.l3s = l3s;
        this.events = events;
    }

    /** @return the L3 network acted on */
    protected String l3UuidOf(OperationRequest request) { return request.string(uuidParam); }

    @Override public final OperationDescriptor descriptor() { return descriptor; }
    @Override public String serializationKey(OperationRequest request) { return l3UuidOf(request); }
    @Override public void check(OperationRequest request) { l3s.require(l3UuidOf(request)); }

    /** Step body: returns the network's inventory and announces it as updated. */
    protected void announceUpdated(String l3Uuid, StepContext ctx) {
        L3NetworkInventory inv = l3s.inventory(l3Uuid);
        ctx.result(OperationResult.inventory(inv));
        events.publish(EventType.UPDATED, L3NetworkInventory.RESOURCE_TYPE, l3Uuid, inv);
    }
}
