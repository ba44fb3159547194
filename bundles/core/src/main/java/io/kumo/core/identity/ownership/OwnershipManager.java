package io.kumo.core.identity.ownership;

import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.event.EventType;
import io.kumo.api.event.ResourceEvent;
import io.kumo.api.event.ResourceEventListener;
import io.kumo.api.identity.OwnershipService;
import io.kumo.api.operation.Caller;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.core.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Owners and sharings of resources: records the owner of what {@code CREATE} operations make, forgets deleted
 * resources, and shares, revokes and changes owners for the identity operations.
 */
public class OwnershipManager implements OwnershipService, ResourceEventListener {
    /** Inventory fields that hold resources created together with the one created, and their types. */
    private static final Map<String, String> NESTED_TYPES = Map.of("allVolumes", "volume", "vmNics", "vmNic");
    private static final Logger LOG = LoggerFactory.getLogger(OwnershipManager.class);

    private final OwnershipStore store;

    /** @param store the store */
    public OwnershipManager(OwnershipStore store) { this.store = store; }

    @Override
    public Optional<String> ownerOf(String resourceUuid) {
        AccountResourceRefEntity ref = store.ref(resourceUuid);
        return ref == null ? Optional.empty() : Optional.of(ref.getAccountUuid());
    }

    @Override
    public void setOwner(String resourceUuid, String resourceType, String accountUuid) {
        store.setOwner(resourceUuid, resourceType, accountUuid);
    }

    @Override
    public boolean canUse(String resourceUuid, String accountUuid) {
        AccountResourceRefEntity ref = store.ref(resourceUuid);
        return ref != null && (ref.getAccountUuid().equals(accountUuid) || store.isSharedWith(resourceUuid, accountUuid));
    }

    @Override
    public List<String> ownedBy(String accountUuid, String resourceType) { return store.owned(accountUuid, resourceType); }

    /** @param accountUuid an account @return the uuids it may see: its own and those shared with it */
    public List<String> visibleTo(String accountUuid) { return store.visible(accountUuid); }

    /**
     * Records the caller's account as owner of what a successful {@code CREATE} operation made: the resource in
     * its reply and the resources nested in it (a VM's volumes and NICs).
     *
     * @param d      the operation
     * @param caller who called it
     * @param body   the reply body, {@code {"inventory": {...}}}
     */
    public void recordCreated(OperationDescriptor d, Caller caller, Map<String, Object> body) {
        if (d.kind() != OperationKind.CREATE || caller.isAnonymous() || body == null || body.get("inventory") == null) {
            return;
        }
        // inventories are records until they are written out: read them as the wire sees them
        Map<String, Object> inventory = Json.toMap(body.get("inventory"));
        if (!(inventory.get("uuid") instanceof String uuid)) {
            return;
        }
        String type = d.resourceType() == null ? "unknown" : d.resourceType();
        store.setOwner(uuid, type, caller.accountUuid());
        NESTED_TYPES.forEach((field, nestedType) -> {
            if (inventory.get(field) instanceof Collection<?> nested) {
                for (Object o : nested) {
                    if (o instanceof Map<?, ?> m && m.get("uuid") instanceof String nestedUuid) {
                        store.setOwner(nestedUuid, nestedType, caller.accountUuid());
                    }
                }
            }
        });
    }

    /**
     * Shares resources of the caller's account (any account's for the admin).
     *
     * @param caller        who shares
     * @param resourceUuids the resources
     * @param accountUuids  the receivers (may be empty if {@code toPublic})
     * @param toPublic      share with every account
     */
    public void share(Caller caller, List<String> resourceUuids, List<String> accountUuids, boolean toPublic) {
        List<String> receivers = new ArrayList<>(accountUuids);
        if (toPublic) {
            receivers.add(OwnershipStore.PUBLIC);
        }
        if (receivers.isEmpty()) {
            throw ApiException.invalidArgument("give accountUuids to share with, or toPublic=true to share with every account");
        }
        for (String uuid : resourceUuids) {
            store.share(shareable(caller, uuid), receivers);
        }
    }

    /**
     * Revokes sharings.
     *
     * @param all if true, every sharing of the resources is revoked, whatever the other arguments
     */
    public void revoke(Caller caller, List<String> resourceUuids, List<String> accountUuids, boolean toPublic, boolean all) {
        List<String> receivers = new ArrayList<>(accountUuids);
        if (toPublic) {
            receivers.add(OwnershipStore.PUBLIC);
        }
        if (!all && receivers.isEmpty()) {
            throw ApiException.invalidArgument("give accountUuids, toPublic=true or all=true to say which sharings to revoke");
        }
        for (String uuid : resourceUuids) {
            shareable(caller, uuid);
            store.revoke(uuid, all ? null : receivers);
        }
    }

    /** Gives a resource (a VM or a volume, V-22) to another account; its sharings are dropped. */
    public AccountResourceRefInventory changeOwner(String resourceUuid, String accountUuid) {
        AccountResourceRefEntity ref = store.ref(resourceUuid);
        if (ref == null) {
            throw new ApiException(ErrorCode.RESOURCE_NOT_FOUND, "resource " + resourceUuid + " has no owner record: it does not exist"
                    + " or is infrastructure, which belongs to the admin; check the uuid with GET /zstack/v1/accounts/resources/refs");
        }
        if (!List.of("vmInstance", "volume").contains(ref.getResourceType())) {
            throw ApiException.invalidArgument("resource " + resourceUuid + " is a " + ref.getResourceType()
                    + "; only VM instances and volumes change owner (a VM takes its volumes and NICs along)");
        }
        store.setOwner(resourceUuid, ref.getResourceType(), accountUuid);
        return store.ref(resourceUuid).toInventory();
    }

    /** Moves what belongs to a VM along with it. */
    public void changeOwnerOfParts(List<String> partUuids, String accountUuid) {
        for (String uuid : partUuids) {
            AccountResourceRefEntity ref = store.ref(uuid);
            if (ref != null) {
                store.setOwner(uuid, ref.getResourceType(), accountUuid);
            }
        }
    }

    private AccountResourceRefEntity shareable(Caller caller, String uuid) {
        AccountResourceRefEntity ref = store.ref(uuid);
        if (ref == null || (!caller.admin() && !ref.getAccountUuid().equals(caller.accountUuid()))) {
            throw new ApiException(ErrorCode.PERMISSION_DENIED, "resource " + uuid + " is not yours to share: only its owner or the admin"
                    + " shares it; list yours with GET /zstack/v1/accounts/resources/refs");
        }
        if (!SHAREABLE_TYPES.contains(ref.getResourceType())) {
            throw ApiException.invalidArgument("resource " + uuid + " is a " + ref.getResourceType() + "; only these types are shared: "
                    + SHAREABLE_TYPES);
        }
        return ref;
    }

    @Override
    public void onEvent(ResourceEvent event) {
        if (event.type() == EventType.DELETED && event.resourceUuid() != null) {
            try {
                store.forget(event.resourceUuid());
            } catch (RuntimeException e) {
                LOG.warn("could not forget the owner of deleted {} {}: {}", event.resourceType(), event.resourceUuid(), e.toString());
            }
        }
    }
}
