package io.kumo.compute.host;

import io.kumo.api.event.EventPublisher;
import io.kumo.api.operation.AsyncOperation;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationRequest;

/**
 * What every operation on an existing host shares: it is serialized on the host's uuid, and refused with a 404
 * before any job exists when the host is not there.
 */
abstract class ExistingHostOperation implements AsyncOperation {
    protected final HostStore store;
    protected final HostManager hosts;
    protected final EventPublisher events;
    private final OperationDescriptor descriptor;

    ExistingHostOperation(OperationDescriptor descriptor, HostStore store, HostManager hosts, EventPublisher events) {
        this.descriptor = descriptor;
        this.store = store;
        this.hosts = hosts;
        this.events = events;
    }

    @Override public final OperationDescriptor descriptor() { return descriptor; }
    @Override public final String serializationKey(OperationRequest request) { return request.string("uuid"); }
    @Override public void check(OperationRequest request) { hosts.require(request.string("uuid")); }
}
