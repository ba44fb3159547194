package io.kumo.compute.host;

import io.kumo.api.event.EventPublisher;
import io.kumo.api.operation.ExistingResourceOperation;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationRequest;

/**
 * What every operation on an existing host shares: it is serialized on the host's uuid, and refused with a 404
 * before any job exists when the host is not there.
 */
abstract class ExistingHostOperation extends ExistingResourceOperation {
    protected final HostStore store;
    protected final HostManager hosts;
    protected final EventPublisher events;

    ExistingHostOperation(OperationDescriptor descriptor, HostStore store, HostManager hosts, EventPublisher events) {
        super(descriptor);
        this.store = store;
        this.hosts = hosts;
        this.events = events;
    }

    @Override protected final void requireExisting(String uuid) { hosts.require(uuid); }
}
