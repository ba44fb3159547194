package io.kumo.api.identity;

import java.util.List;
import java.util.Optional;

/**
 * Which account owns each resource, and with whom it is shared. The kernel records the owner of what every
 * {@code CREATE} operation makes (the resource and the resources nested in its inventory, such as a VM's root volume
 * and NICs) and forgets it when the resource is deleted; a plugin that creates resources another way records them
 * here. A resource without an owner record is infrastructure: only the admin account acts on it.
 */
public interface OwnershipService {
    /** The resource types that can be shared with other accounts. */
    List<String> SHAREABLE_TYPES = List.of("image", "instanceOffering", "diskOffering", "l3Network");

    /**
     * @param resourceUuid a resource
     * @return the uuid of the account that owns it, if it has an owner record
     */
    Optional<String> ownerOf(String resourceUuid);

    /**
     * Records (or changes) the owner of a resource.
     *
     * @param resourceUuid the resource
     * @param resourceType its type, e.g. {@code vm}
     * @param accountUuid  the owning account
     */
    void setOwner(String resourceUuid, String resourceType, String accountUuid);

    /**
     * @param resourceUuid a resource
     * @param accountUuid  an account
     * @return true if the account owns the resource or it is shared with the account or with every account
     */
    boolean canUse(String resourceUuid, String accountUuid);

    /**
     * @param accountUuid  an account
     * @param resourceType a resource type, e.g. {@code vm}
     * @return the uuids of the resources of that type the account owns
     */
    List<String> ownedBy(String accountUuid, String resourceType);
}
