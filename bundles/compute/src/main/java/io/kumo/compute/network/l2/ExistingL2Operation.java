package io.kumo.compute.network.l2;

import io.kumo.api.network.L2NetworkInventory;
import io.kumo.api.operation.ExistingResourceOperation;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationRequest;
import io.kumo.compute.network.NetworkEvents;

/**
 * What every operation on an existing L2 network shares: it is serialized on the network's uuid (parameter
 * {@code uuid} or {@code l2NetworkUuid}), and refused with a 404 before any job exists when the network is not there.
 */
abstract class ExistingL2Operation extends ExistingResourceOperation {
    protected final L2NetworkStore store;
    protected final L2NetworkManager l2s;
    protected final NetworkEvents events;

    ExistingL2Operation(OperationDescriptor descriptor, String uuidParam, L2NetworkStore store, L2NetworkManager l2s,
                        NetworkEvents events) {
        super(descriptor, uuidParam);
        this.store = store;
        this.l2s = l2s;
        this.events = events;
    }

    @Override protected final void requireExisting(String uuid) { l2s.require(uuid); }

    /** The inventory type of L2 results, for descriptors. */
    static final Class<L2NetworkInventory> INVENTORY = L2NetworkInventory.class;
}
