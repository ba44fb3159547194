package io.kumo.core.zone;

import io.kumo.api.error.ApiException;
import io.kumo.api.inventory.ResourceTypeProvider;
import io.kumo.api.zone.ZoneInventory;
import io.kumo.api.zone.ZoneService;

import java.util.Optional;

/** Zones for other modules, and the zone resource type for tags and events. */
public class ZoneManager implements ZoneService, ResourceTypeProvider {
    /** The VO name of zones in tags. */
    public static final String VO_NAME = "ZoneVO";
    private final ZoneStore store;

    /** @param store persistence */
    public ZoneManager(ZoneStore store) { this.store = store; }

    @Override
    public Optional<ZoneInventory> get(String uuid) {
        return Optional.ofNullable(store.find(uuid)).map(ZoneEntity::toInventory);
    }

    /** @param uuid a zone @return it @throws ApiException 404 if absent */
    public ZoneEntity require(String uuid) {
        ZoneEntity z = store.find(uuid);
        if (z == null) {
            throw ApiException.notFound(ZoneInventory.RESOURCE_TYPE, uuid);
        }
        return z;
    }

    @Override public String resourceType() { return ZoneInventory.RESOURCE_TYPE; }
    @Override public String voName() { return VO_NAME; }
    @Override public boolean exists(String uuid) { return store.exists(uuid); }
}
