package io.kumo.compute.volume;

import io.kumo.api.inventory.ResourceTypeProvider;
import io.kumo.api.vm.VolumeInventory;

/** The volume resource type, for tags and events. */
public class VolumeResourceType implements ResourceTypeProvider {
    private final VolumeStore store;

    /** @param store persistence */
    public VolumeResourceType(VolumeStore store) { this.store = store; }

    @Override public String resourceType() { return VolumeInventory.RESOURCE_TYPE; }
    @Override public String voName() { return "VolumeVO"; }
    @Override public boolean exists(String uuid) { return store.exists(uuid); }
}
