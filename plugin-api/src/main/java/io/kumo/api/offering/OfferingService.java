package io.kumo.api.offering;

import java.util.Optional;

/** Reads offerings, for modules that size VMs and volumes. */
public interface OfferingService {
    /** @param uuid an instance offering uuid @return it, if it exists */
    Optional<InstanceOfferingInventory> instanceOffering(String uuid);

    /** @param uuid a disk offering uuid @return it, if it exists */
    Optional<DiskOfferingInventory> diskOffering(String uuid);
}
