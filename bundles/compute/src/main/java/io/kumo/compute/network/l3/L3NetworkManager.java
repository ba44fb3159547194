package io.kumo.compute.network.l3;

import io.kumo.api.error.ApiException;
import io.kumo.api.inventory.ResourceTypeProvider;
import io.kumo.api.network.L3NetworkInventory;

/** L3 networks for the operations, and the l3Network resource type for tags and events. */
public class L3NetworkManager implements ResourceTypeProvider {
    /** The VO name of L3 networks in tags. */
    public static final String VO_NAME = "L3NetworkVO";
    private final L3NetworkStore store;

    /** @param store persistence */
    public L3NetworkManager(L3NetworkStore store) { this.store = store; }

    /** @param uuid an L3 network @return it @throws ApiException 404 if absent */
    public L3NetworkEntity require(String uuid) {
        L3NetworkEntity l3 = store.find(uuid);
        if (l3 == null) {
            throw ApiException.notFound(L3NetworkInventory.RESOURCE_TYPE, uuid);
        }
        return l3;
    }

    /** @param uuid an L3 network @return its API view, read now */
    public L3NetworkInventory inventory(String uuid) { return require(uuid).toInventory(); }

    @Override public String resourceType() { return L3NetworkInventory.RESOURCE_TYPE; }
    @Override public String voName() { return VO_NAME; }
    @Override public boolean exists(String uuid) { return store.exists(uuid); }
}
