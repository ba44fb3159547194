package io.kumo.compute.host;

import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.event.EventPublisher;
import io.kumo.api.event.EventType;
import io.kumo.api.event.ResourceEvent;
import io.kumo.api.host.HostInventory;
import io.kumo.api.host.HostService;
import io.kumo.api.hypervisor.HostConnection;
import io.kumo.api.hypervisor.HostFacts;
import io.kumo.api.hypervisor.HypervisorBackend;
import io.kumo.api.inventory.DependentResourceService;
import io.kumo.api.inventory.ResourceTypeProvider;
import io.kumo.api.tag.TagService;
import io.kumo.compute.backend.Backends;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;

/**
 * Hosts for other modules (reads and capacity reservations), the host resource type, and what connecting, marking
 * and deleting a host share between operations and the connection tracker.
 */
public class HostManager implements HostService, ResourceTypeProvider {
    /** The VO name of hosts in tags. */
    public static final String VO_NAME = "HostVO";
    private static final Logger LOG = LoggerFactory.getLogger(HostManager.class);

    private final HostStore store;
    private final OverProvisioning ratios;
    private final Backends backends;
    private final TagService tags;
    private final EventPublisher events;
    private final DependentResourceService dependents;

    private AutoCloseable ratioWatch;

    /** Wires the manager; {@link #start} follows the over-provisioning ratios. */
    public HostManager(HostStore store, OverProvisioning ratios, Backends backends, TagService tags, EventPublisher events,
                       DependentResourceService dependents) {
        this.store = store;
        this.ratios = ratios;
        this.backends = backends;
        this.tags = tags;
        this.events = events;
        this.dependents = dependents;
    }

    /** @param h a host @return its API view; what is available is never shown below zero */
    public HostInventory toInventory(HostEntity h) {
        return new HostInventory(h.getUuid(), h.getName(), h.getDescription(), h.getZoneUuid(), h.getClusterUuid(),
                h.getManagementIp(), h.getHypervisorType(), h.getState(), h.getStatus(),
                h.getTotalCpuCapacity(), Math.max(0, h.getAvailableCpuCapacity()), h.getCpuSockets(), h.getCpuNum(),
                h.getTotalMemoryCapacity(), Math.max(0, h.getAvailableMemoryCapacity()), h.getArchitecture(),
                h.getCreateDate(), h.getLastOpDate());
    }

    /** @param h a host row whose physical capacity changed: recomputes what it offers with the ratios now */
    public void offerCapacity(HostEntity h) {
        h.applyRatios(ratios.cpuRatio(), ratios.memoryRatio());
    }

    /** Recomputes every host's capacity with the ratios of global configuration now (at start, and when one changes). */
    public void applyRatios() {
        store.applyRatios(ratios.cpuRatio(), ratios.memoryRatio());
    }

    /**
     * Follows the ratios: every host's capacity is recomputed when they are registered (this bundle registers them
     * itself, so they may come after this starts) and whenever one changes.
     */
    public void start() {
        ratioWatch = ratios.onChange(this::applyRatiosQuietly);
        applyRatiosQuietly();
    }

    private void applyRatiosQuietly() {
        try {
            applyRatios();
        } catch (ApiException notYetDefined) {
            LOG.debug("over-provisioning ratios not registered yet: {}", notYetDefined.getMessage());
        }
    }

    /** Stops following the ratios. */
    public void stop() throws Exception {
        if (ratioWatch != null) {
            ratioWatch.close();
        }
    }

    @Override
    public Optional<HostInventory> get(String uuid) { return Optional.ofNullable(store.find(uuid)).map(this::toInventory); }

    @Override
    public List<HostInventory> all() { return store.all().stream().map(this::toInventory).toList(); }

    @Override
    public Optional<HostConnection> connection(String uuid) {
        HostEntity h = store.find(uuid);
        HostConnectionEntity c = h == null ? null : store.findConnection(uuid);
        return c == null ? Optional.empty() : Optional.of(c.toConnection(h));
    }

    @Override
    public boolean reserveCapacity(String hostUuid, int cpuNum, long memory) {
        if (cpuNum < 0 || memory < 0) {
            throw new IllegalArgumentException("cannot reserve negative capacity: " + cpuNum + " vCPUs, " + memory + " bytes");
        }
        return store.reserve(hostUuid, cpuNum, memory);
    }

    @Override
    public void releaseCapacity(String hostUuid, int cpuNum, long memory) {
        if (cpuNum < 0 || memory < 0) {
            throw new IllegalArgumentException("cannot release negative capacity: " + cpuNum + " vCPUs, " + memory + " bytes");
        }
        store.release(hostUuid, cpuNum, memory);
    }

    /** @param uuid a host @return it @throws ApiException 404 if absent */
    public HostEntity require(String uuid) {
        HostEntity h = store.find(uuid);
        if (h == null) {
            throw ApiException.notFound(HostInventory.RESOURCE_TYPE, uuid);
        }
        return h;
    }

    /**
     * Connects a host through its backend and records what it reports, status {@code Connected}.
     *
     * @param uuid the host
     * @return the facts it reported
     * @throws ApiException {@link ErrorCode#OPERATION_FAILED} with the backend's reason if it cannot be reached
     */
    public HostFacts connect(String uuid) {
        HostEntity h = require(uuid);
        HypervisorBackend backend = backends.hypervisors().require(h.getHypervisorType());
        HostConnection conn = connection(uuid).orElseThrow(() -> ApiException.notFound(HostInventory.RESOURCE_TYPE, uuid));
        HostFacts facts;
        try {
            facts = backend.connect(conn);
        } catch (Exception e) {
            throw new ApiException(ErrorCode.OPERATION_FAILED, "the " + h.getHypervisorType() + " backend could not connect to host "
                    + h.getManagementIp() + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                    + "; check the host is up and reachable, then reconnect it");
        }
        store.update(uuid, x -> {
            x.setCpuNum(facts.cpuNum());
            x.setCpuSockets(facts.cpuSockets());
            x.setMemory(facts.memory());
            offerCapacity(x);
            x.setArchitecture(facts.architecture());
            x.setStatus(HostStatus.CONNECTED);
        });
        return facts;
    }

    /**
     * Sets a host's connection status and announces it, if it changes.
     *
     * @param uuid   the host
     * @param status the new status
     */
    public void changeStatus(String uuid, String status) {
        if (store.changeStatus(uuid, status)) {
            LOG.info("host {} is now {}", uuid, status);
            announce(uuid);
        }
    }

    /** Publishes an UPDATED event with the host's inventory, if it still exists. */
    public void announce(String uuid) {
        HostEntity h = store.find(uuid);
        if (h != null) {
            events.publish(new ResourceEvent(EventType.UPDATED, HostInventory.RESOURCE_TYPE, uuid, toInventory(h), null, null, null, null));
        }
    }

    /**
     * Deletes a host with everything under it (Enforcing delete of its cluster): its dependents first, then its row,
     * its connection (after telling the backend) and its tags; announces the deletion.
     *
     * @param uuid the host
     * @throws Exception if a dependent could not be deleted (the host is then kept)
     */
    public void deleteWithDependents(String uuid) throws Exception {
        dependents.deleteDependents(HostInventory.RESOURCE_TYPE, uuid);
        HostEntity h = store.find(uuid);
        if (h == null) {
            return;
        }
        HostInventory inv = toInventory(h);
        store.delete(uuid);
        forget(h, inv);
    }

    /**
     * The end of a host's deletion, after its row is gone: the backend forgets it, its connection and tags are
     * deleted, and the deletion is announced. Never fails because of the backend.
     *
     * @param host the deleted row
     * @param inv  its last inventory
     */
    void forget(HostEntity host, HostInventory inv) {
        HostConnectionEntity c = store.findConnection(host.getUuid());
        Optional<HypervisorBackend> backend = backends.hypervisors().find(host.getHypervisorType());
        if (c != null && backend.isPresent()) {
            try {
                backend.get().disconnect(c.toConnection(host));
            } catch (RuntimeException e) {
                LOG.warn("the {} backend failed to forget deleted host {}: {}", host.getHypervisorType(), host.getUuid(), e.toString());
            }
        }
        store.deleteConnection(host.getUuid());
        tags.detachAll(host.getUuid());
        events.publish(new ResourceEvent(EventType.DELETED, HostInventory.RESOURCE_TYPE, host.getUuid(), inv, null, null, null, null));
    }

    @Override public String resourceType() { return HostInventory.RESOURCE_TYPE; }
    @Override public String voName() { return VO_NAME; }
    @Override public boolean exists(String uuid) { return store.exists(uuid); }
}
