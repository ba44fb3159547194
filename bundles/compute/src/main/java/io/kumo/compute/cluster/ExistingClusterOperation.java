package io.kumo.compute.cluster;

import io.kumo.api.event.EventPublisher;
import io.kumo.api.operation.ExistingResourceOperation;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationRequest;

/**
 * What every operation on an existing cluster shares: it is serialized on the cluster's uuid, and refused with a 404
 * before any job exists when the cluster is not there.
 */
abstract class ExistingClusterOperation extends ExistingResourceOperation {
    protected final ClusterStore store;
    protected final ClusterManager clusters;
    protected final EventPublisher events;

    ExistingClusterOperation(OperationDescriptor descriptor, ClusterStore store, ClusterManager clusters, EventPublisher events) {
        super(descriptor);
        this.store = store;
        this.clusters = clusters;
        this.events = events;
    }

    @Override protected final void requireExisting(String uuid) { clusters.require(uuid); }
}
