package io.kumo.api.inventory;

import java.util.List;

/**
 * Tells the module owning a resource type what other modules keep under its resources, for ZStack's delete modes:
 * {@code Permissive} refuses to delete a resource that has dependents (naming them), {@code Enforcing} deletes them
 * first. Register as an OSGi service with the property {@link #PARENT_TYPE_PROPERTY}.
 */
public interface DependentResourceProvider {
    /** The service property naming the parent resource type, e.g. {@code zone}. */
    String PARENT_TYPE_PROPERTY = "kumo.dependents.parentType";

    /**
     * @param parentType the parent resource type
     * @param parentUuid the parent
     * @return the dependents, each described for a person, e.g. {@code cluster "c1" (uuid)}; empty if none
     */
    List<String> dependentsOf(String parentType, String parentUuid);

    /**
     * Deletes what the module keeps under a parent being deleted. Every delete of the parent calls it, after its
     * checks: in {@code Enforcing} mode every dependent goes, with its own dependents; in {@code Permissive} mode
     * {@link #dependentsOf} was empty, so only what never blocks a delete (attachments, references) is left to remove.
     *
     * @param parentType the parent resource type
     * @param parentUuid the parent
     * @throws Exception if a dependent could not be deleted; the parent is then kept
     */
    void deleteDependents(String parentType, String parentUuid) throws Exception;
}
