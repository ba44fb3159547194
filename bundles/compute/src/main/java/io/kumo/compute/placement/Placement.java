package io.kumo.compute.placement;

import io.kumo.api.cluster.ClusterInventory;
import io.kumo.api.cluster.ClusterService;
import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.host.HostInventory;
import io.kumo.api.host.HostService;
import io.kumo.api.network.NetworkService;
import io.kumo.api.query.QueryOperator;
import io.kumo.api.storage.PrimaryStorageInventory;
import io.kumo.api.storage.PrimaryStorageService;
import io.kumo.api.tag.TagService;
import io.kumo.api.tag.TagType;
import io.kumo.api.zone.ZoneInventory;
import io.kumo.api.zone.ZoneService;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Chooses hosts for VMs. Candidates come from the in-memory {@link HostIndex} and go through filters (state, status,
 * Enabled cluster and zone, hypervisor type, requested zone/cluster/host, host tags, image availability and
 * architecture, networks, capacity, primary storage); a strategy orders
 * the survivors; the first one whose capacity the database agrees to reserve wins. A reservation lost to a concurrent
 * placement refreshes that host and falls back to the next candidate.
 */
public class Placement {
    private final HostIndex index;
    private final HostService hosts;
    private final NetworkService networks;
    private final PrimaryStorageService storage;
    private final TagService tags;
    private final ClusterService clusters;
    private final ZoneService zones;
    private final HostOrdering ordering;

    /** Wires placement. */
    public Placement(HostIndex index, HostService hosts, NetworkService networks, PrimaryStorageService storage,
                     TagService tags, ClusterService clusters, ZoneService zones, HostOrdering ordering) {
        this.index = index;
        this.hosts = hosts;
        this.networks = networks;
        this.storage = storage;
        this.tags = tags;
        this.clusters = clusters;
        this.zones = zones;
        this.ordering = ordering;
    }

    /**
     * Chooses a host and reserves the VM's CPU and memory on it.
     *
     * @param request what the VM needs
     * @return the host, its capacity now reserved
     * @throws ApiException {@link ErrorCode#NO_CAPACITY} saying which filter left no host and what to do
     */
    public HostInventory allocate(PlacementRequest request) {
        for (HostInventory host : candidates(request)) {
            if (hosts.reserveCapacity(host.uuid(), request.cpuNum(), request.memory())) {
                index.adjust(host.uuid(), -request.cpuNum(), -request.memory());
                return index.get(host.uuid()) == null ? host : index.get(host.uuid());
            }
            index.refresh(host.uuid());
        }
        throw new ApiException(ErrorCode.NO_CAPACITY, "every host fitting the VM (" + describe(request)
                + ") was taken by concurrent placements; retry, or add hosts");
    }

    /**
     * Reserves capacity on a given host (putting a VM back where it was).
     *
     * @param hostUuid the host @param cpuNum vCPUs @param memory bytes
     * @return true if reserved
     */
    public boolean reserveOn(String hostUuid, int cpuNum, long memory) {
        boolean reserved = hosts.reserveCapacity(hostUuid, cpuNum, memory);
        if (reserved) {
            index.adjust(hostUuid, -cpuNum, -memory);
        }
        return reserved;
    }

    /**
     * Returns capacity reserved by {@link #allocate}.
     *
     * @param hostUuid the host @param cpuNum vCPUs @param memory bytes
     */
    public void release(String hostUuid, int cpuNum, long memory) {
        hosts.releaseCapacity(hostUuid, cpuNum, memory);
        index.adjust(hostUuid, cpuNum, memory);
    }

    /**
     * @param request what the VM needs
     * @return the fitting hosts in the order the strategy tries them (nothing is reserved)
     * @throws ApiException {@link ErrorCode#NO_CAPACITY} if none fits
     */
    public List<HostInventory> candidates(PlacementRequest request) {
        Outcome outcome = filter(request);
        if (outcome.hosts.isEmpty() && request.soft() && request.hasRelaxableConstraints()) {
            Outcome relaxed = filter(request.relaxed());
            if (!relaxed.hosts.isEmpty()) {
                outcome = relaxed;
            }
        }
        if (outcome.hosts.isEmpty()) {
            throw new ApiException(ErrorCode.NO_CAPACITY, "no host can run the VM (" + describe(request) + "): "
                    + outcome.emptiedBy + " left none of the " + outcome.before + " candidate hosts; " + outcome.advice);
        }
        return ordering.order(outcome.hosts, request);
    }

    private static String describe(PlacementRequest r) {
        return r.cpuNum() + " vCPUs, " + r.memory() + " bytes of memory";
    }

    /** The survivors of the filters, or which filter emptied the candidates. */
    private record Outcome(List<HostInventory> hosts, String emptiedBy, int before, String advice) { }

    /** A named filter with advice for when it leaves no host. */
    private record Filter(String name, String advice, Predicate<HostInventory> test) { }

    private Outcome filter(PlacementRequest r) {
        List<HostInventory> c = new ArrayList<>(index.hosts());
        List<Filter> filters = new ArrayList<>();
        filters.add(new Filter("the state filter (host state Enabled)",
                "enable a host or take one out of maintenance",
                h -> "Enabled".equals(h.state())));
        filters.add(new Filter("the status filter (host status Connected)", "reconnect a host",
                h -> "Connected".equals(h.status())));
        filters.add(new Filter("the cluster state filter (cluster Enabled)", "enable a cluster with hosts",
                byKey(HostInventory::clusterUuid,
                        cl -> clusters.get(cl).map(ClusterInventory::state).filter("Enabled"::equals).isPresent())));
        filters.add(new Filter("the zone state filter (zone Enabled)", "enable a zone with hosts",
                byKey(HostInventory::zoneUuid, z -> zones.get(z).map(ZoneInventory::state).filter("Enabled"::equals).isPresent())));
        if (r.hypervisorType() != null) {
            filters.add(new Filter("the hypervisor filter (type " + r.hypervisorType() + ")",
                    "add a host of that hypervisor type", h -> r.hypervisorType().equals(h.hypervisorType())));
        }
        if (!r.excludedHostUuids().isEmpty()) {
            filters.add(new Filter("excluding hosts " + r.excludedHostUuids(), "add another host",
                    h -> !r.excludedHostUuids().contains(h.uuid())));
        }
        if (r.zoneUuid() != null) {
            filters.add(new Filter("the zone filter (zone " + r.zoneUuid() + ")", "add a host in that zone or choose another zone",
                    h -> r.zoneUuid().equals(h.zoneUuid())));
        }
        if (r.clusterUuid() != null) {
            filters.add(new Filter("the cluster filter (cluster " + r.clusterUuid() + ")",
                    "choose another cluster, or add the system tag allocator::mode::soft",
                    h -> r.clusterUuid().equals(h.clusterUuid())));
        }
        if (r.hostUuid() != null) {
            filters.add(new Filter("the host filter (host " + r.hostUuid() + ")",
                    "choose another host, or add the system tag allocator::mode::soft",
                    h -> r.hostUuid().equals(h.uuid())));
        }
        for (String tag : r.hostTags()) {
            Set<String> tagged = tags.resourcesWithTag(TagType.User, QueryOperator.EQ, tag);
            filters.add(new Filter("the host tag filter (user tag '" + tag + "')",
                    "tag a fitting host with '" + tag + "', or add the system tag allocator::mode::soft",
                    h -> tagged.contains(h.uuid())));
        }
        if (r.imageZoneUuids() != null) {
            filters.add(new Filter("the image filter (zones whose backup storage holds the image: " + r.imageZoneUuids() + ")",
                    "attach a backup storage holding the image to the zone of a fitting host, or add the image to one",
                    h -> r.imageZoneUuids().contains(h.zoneUuid())));
        }
        if (r.architecture() != null) {
            filters.add(new Filter("the architecture filter (image architecture " + r.architecture() + ")",
                    "add a host of that CPU architecture, or use an image built for the hosts' architecture",
                    h -> h.architecture() == null || r.architecture().equals(h.architecture())));
        }
        if (!r.l3NetworkUuids().isEmpty()) {
            Set<String> reaching = null;
            for (String l3 : r.l3NetworkUuids()) {
                Set<String> clusters = networks.clustersReaching(l3);
                if (reaching == null) {
                    reaching = new HashSet<>(clusters);
                } else {
                    reaching.retainAll(clusters);
                }
            }
            Set<String> clusters = reaching;
            filters.add(new Filter("the network filter (clusters reaching L3 networks " + r.l3NetworkUuids() + ")",
                    "attach the L2 networks of those L3 networks to a cluster with hosts",
                    h -> clusters.contains(h.clusterUuid())));
        }
        filters.add(new Filter("the capacity filter", "stop or migrate VMs, add hosts, or raise the over-commit ratios",
                h -> h.availableCpuCapacity() >= r.cpuNum() && h.availableMemoryCapacity() >= r.memory()));
        filters.add(new Filter("the primary storage filter (an attached, Enabled and Connected primary storage with "
                + r.storageBytes() + " bytes free" + (r.primaryStorageUuid() == null ? "" : ", namely " + r.primaryStorageUuid()) + ")",
                "attach primary storage with enough space to a cluster with hosts",
                byKey(HostInventory::clusterUuid, cl -> hasStorage(cl, r))));
        for (Filter f : filters) {
            int before = c.size();
            c.removeIf(f.test().negate());
            if (c.isEmpty()) {
                return new Outcome(c, f.name(), before, f.advice());
            }
        }
        return new Outcome(c, null, 0, null);
    }

    /** @return a test of hosts by their cluster or zone, decided once per cluster or zone within one placement */
    private static Predicate<HostInventory> byKey(Function<HostInventory, String> key, Predicate<String> decide) {
        Map<String, Boolean> decided = new HashMap<>();
        return h -> decided.computeIfAbsent(key.apply(h), decide::test);
    }

    private boolean hasStorage(String clusterUuid, PlacementRequest r) {
        for (PrimaryStorageInventory ps : storage.attachedTo(clusterUuid)) {
            if ((r.primaryStorageUuid() == null || r.primaryStorageUuid().equals(ps.uuid()))
                    && usable(ps) && storage.hasRoomFor(ps, r.storageBytes())) {
                return true;
            }
        }
        return false;
    }

    /** @param ps a primary storage @return true if volumes may be created on it now */
    public static boolean usable(PrimaryStorageInventory ps) {
        return "Enabled".equals(ps.state()) && "Connected".equals(ps.status());
    }
}
