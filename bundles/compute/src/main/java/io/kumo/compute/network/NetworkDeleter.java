package io.kumo.compute.network;

import io.kumo.api.event.EventType;
import io.kumo.api.inventory.DependentResourceService;
import io.kumo.api.network.L2NetworkInventory;
import io.kumo.api.network.L3NetworkInventory;
import io.kumo.compute.network.ipam.IpAllocator;
import io.kumo.compute.network.ipam.UsedIpEntity;
import io.kumo.compute.network.ipam.UsedIpStore;
import io.kumo.compute.network.l2.L2NetworkEntity;
import io.kumo.compute.network.l2.L2NetworkManager;
import io.kumo.compute.network.l2.L2NetworkStore;
import io.kumo.compute.network.l3.L3NetworkEntity;
import io.kumo.compute.network.l3.L3NetworkStore;

/**
 * Deletes networks with everything under them, for Enforcing deletes of their parents (a cascade cannot be undone):
 * an L3 network after its dependents (the VM module's NICs), with its ranges, DNS servers and used addresses; an L2
 * network after its L3 networks (and, for a VXLAN pool, its VXLAN networks).
 */
public class NetworkDeleter {
    private final L2NetworkStore l2s;
    private final L2NetworkManager l2m;
    private final L3NetworkStore l3s;
    private final UsedIpStore used;
    private final IpAllocator allocator;
    private final DependentResourceService dependents;
    private final NetworkEvents events;

    /** Wires the deleter. */
    public NetworkDeleter(L2NetworkStore l2s, L2NetworkManager l2m, L3NetworkStore l3s, UsedIpStore used,
                          IpAllocator allocator, DependentResourceService dependents, NetworkEvents events) {
        this.l2s = l2s;
        this.l2m = l2m;
        this.l3s = l3s;
        this.used = used;
        this.allocator = allocator;
        this.dependents = dependents;
        this.events = events;
    }

    /** @param uuid an L3 network; nothing happens if it is gone */
    public void deleteL3(String uuid) throws Exception {
        L3NetworkEntity l3 = l3s.find(uuid);
        if (l3 == null) {
            return;
        }
        dependents.deleteDependents(L3NetworkInventory.RESOURCE_TYPE, uuid);
        L3NetworkInventory inv = l3.toInventory();
        used.deleteAll(used.inL3(uuid).stream().map(UsedIpEntity::getUuid).toList());
        l3s.delete(uuid);
        allocator.forget(uuid);
        events.publish(EventType.DELETED, L3NetworkInventory.RESOURCE_TYPE, uuid, inv);
    }

    /** @param uuid an L2 network; nothing happens if it is gone */
    public void deleteL2(String uuid) throws Exception {
        L2NetworkEntity l2 = l2s.find(uuid);
        if (l2 == null) {
            return;
        }
        deleteChildrenOfL2(uuid);
        L2NetworkInventory inv = l2m.inventory(l2);
        l2s.delete(uuid);
        events.publish(EventType.DELETED, L2NetworkInventory.RESOURCE_TYPE, uuid, inv);
    }

    /** Deletes the L3 networks on an L2 network and, for a pool, its VXLAN networks. */
    public void deleteChildrenOfL2(String uuid) throws Exception {
        for (L3NetworkEntity l3 : l3s.onL2(uuid)) {
            deleteL3(l3.getUuid());
        }
        for (L2NetworkEntity vxlan : l2s.vxlansOf(uuid)) {
            deleteL2(vxlan.getUuid());
        }
    }
}
