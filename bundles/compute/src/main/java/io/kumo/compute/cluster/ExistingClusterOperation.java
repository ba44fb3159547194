package io.kumo.compute.cluster;

import io.kumo.api.event.EventPublisher;
import io.kumo.api.operation.AsyncOperation;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationRequest;

/**
 * What every operation on an existing cluster shares: it is serialized on the cluster's uuid, and refused with a 404
 * before any job exists when the cluster is not there.
 */
abstract class ExistingClusterOperation implements AsyncOperation {
    protected final ClusterStore store;
    protected final ClusterManager clusters;
    protected final EventPublisher events;
    private final OperationDescriptor descriptor;

    ExistingClusterOperation(OperationDescriptor descriptor, ClusterStore store, ClusterManager clusters, EventPublisher events) {
        this.descriptor = descriptor;
        this.store = store;
        this.clusters = clusters;
        this.events = events;
    }

    @Override public final OperationDescriptor descriptor() { return descriptor; }
    @Override public final String serializationKey(OperationRequest request) { return request.string("uuid"); }
    @Override public void check(OperationRequest request) { clusters.require(request.string("uuid")); }
}
