package io.kumo.compute.offering;

import io.kumo.api.error.ApiException;
import io.kumo.api.offering.DiskOfferingInventory;
import io.kumo.api.offering.InstanceOfferingInventory;
import io.kumo.api.offering.OfferingService;

import java.util.Optional;

/** Offerings for other modules. */
public class OfferingManager implements OfferingService {
    private final OfferingStore store;

    /** @param store persistence */
    public OfferingManager(OfferingStore store) { this.store = store; }

    @Override
    public Optional<InstanceOfferingInventory> instanceOffering(String uuid) {
        return Optional.ofNullable(store.find(InstanceOfferingEntity.class, uuid)).map(InstanceOfferingEntity::toInventory);
    }

    @Override
    public Optional<DiskOfferingInventory> diskOffering(String uuid) {
        return Optional.ofNullable(store.find(DiskOfferingEntity.class, uuid)).map(DiskOfferingEntity::toInventory);
    }

    /** @param kind the kind @param uuid an offering @return it @throws ApiException 404 if absent */
    OfferingEntity require(OfferingKind kind, String uuid) {
        OfferingEntity offering = store.find(kind.entity, uuid);
        if (offering == null) {
            throw ApiException.notFound(kind.resourceType, uuid);
        }
        return offering;
    }
}
