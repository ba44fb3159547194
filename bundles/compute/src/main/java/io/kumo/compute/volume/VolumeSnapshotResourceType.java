package io.kumo.compute.volume;

import io.kumo.api.inventory.ResourceTypeProvider;

/** The volume snapshot resource type, for tags and events. */
public class VolumeSnapshotResourceType implements ResourceTypeProvider {
    /** The VO name of snapshots in tags. */
    public static final String VO_NAME = "VolumeSnapshotVO";
    private final VolumeSnapshotStore store;

    /** @param store persistence */
    public VolumeSnapshotResourceType(VolumeSnapshotStore store) { this.store = store; }

    @Override public String resourceType() { return VolumeSnapshotInventory.RESOURCE_TYPE; }
    @Override public String voName() { return VO_NAME; }
    @Override public boolean exists(String uuid) { return store.find(uuid) != null; }
}
