package io.kumo.compute.offering;

import io.kumo.api.inventory.ResourceTypeProvider;

/** The resource type of one kind of offering, for tags and events. */
public class OfferingResourceType implements ResourceTypeProvider {
    private final OfferingKind kind;
    private final OfferingStore store;

    /** @param kind the kind @param store persistence */
    public OfferingResourceType(OfferingKind kind, OfferingStore store) {
        this.kind = kind;
        this.store = store;
    }

    @Override public String resourceType() { return kind.resourceType; }
    @Override public String voName() { return kind.voName; }
    @Override public boolean exists(String uuid) { return store.find(kind.entity, uuid) != null; }
}
