package io.kumo.compute.offering;

import io.kumo.api.offering.DiskOfferingInventory;
import io.kumo.api.offering.InstanceOfferingInventory;

/** The two kinds of offerings, with the names and paths their operations share. */
public enum OfferingKind {
    /** Sizes of VMs. */
    INSTANCE("InstanceOffering", "instanceOffering", "/instance-offerings", "instance offering",
            InstanceOfferingInventory.RESOURCE_TYPE, "InstanceOfferingVO", InstanceOfferingEntity.class, InstanceOfferingInventory.class),
    /** Sizes of data volumes. */
    DISK("DiskOffering", "diskOffering", "/disk-offerings", "disk offering",
            DiskOfferingInventory.RESOURCE_TYPE, "DiskOfferingVO", DiskOfferingEntity.class, DiskOfferingInventory.class);

    final String operationSuffix;
    final String actionSuffix;
    final String path;
    final String what;
    final String resourceType;
    final String voName;
    final Class<? extends OfferingEntity> entity;
    final Class<?> inventory;

    OfferingKind(String operationSuffix, String actionSuffix, String path, String what, String resourceType,
                 String voName, Class<? extends OfferingEntity> entity, Class<?> inventory) {
        this.operationSuffix = operationSuffix;
        this.actionSuffix = actionSuffix;
        this.path = path;
        this.what = what;
        this.resourceType = resourceType;
        this.voName = voName;
        this.entity = entity;
        this.inventory = inventory;
    }

    /** @param verb e.g. {@code update} @return the action key, e.g. {@code updateInstanceOffering} */
    String actionKey(String verb) { return verb + operationSuffix; }
}
