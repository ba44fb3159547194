package io.kumo.api.persistence;

/**
 * Brings a module's tables up to date before its stores are used. The kernel runs Liquibase on the shared database;
 * its lock table makes concurrent starts of several management nodes safe.
 */
public interface SchemaService {
    /**
     * Applies every change set of a Liquibase changelog not yet applied.
     *
     * @param loader    the class loader the changelog and its includes are read from (the module's bundle class loader)
     * @param changelog the changelog resource, e.g. {@code db/changelog/kumo-compute.xml}
     * @throws Exception if the migration fails; the module must not start then
     */
    void migrate(ClassLoader loader, String changelog) throws Exception;
}
