package io.kumo.api.inventory;

import java.util.List;

/**
 * Asks every {@link DependentResourceProvider} registered now about a resource's dependents: what delete operations
 * use for ZStack's delete modes ({@code Permissive} refuses, {@code Enforcing} cascades).
 */
public interface DependentResourceService {
    /**
     * @param parentType the resource type
     * @param parentUuid the resource
     * @return every dependent, described for a person; empty if none
     */
    List<String> dependentsOf(String parentType, String parentUuid);

    /**
     * Refuses a Permissive delete of a resource that has dependents.
     *
     * @param parentType the resource type
     * @param parentUuid the resource
     * @throws io.kumo.api.error.ApiException {@code CONFLICT} naming the dependents, saying to delete them first or
     *                                        to use deleteMode=Enforcing
     */
    void requireNoDependents(String parentType, String parentUuid);

    /**
     * Deletes what other modules keep under a resource being deleted: every dependent in {@code Enforcing} mode, only
     * the non-blocking attachments in {@code Permissive} mode (after {@link #requireNoDependents} passed).
     *
     * @param parentType the resource type
     * @param parentUuid the resource
     * @throws Exception if a dependent could not be deleted
     */
    void deleteDependents(String parentType, String parentUuid) throws Exception;
}
