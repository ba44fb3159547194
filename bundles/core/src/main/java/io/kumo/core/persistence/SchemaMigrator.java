package io.kumo.core.persistence;

import liquibase.Contexts;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kumo.api.persistence.SchemaService;

import javax.sql.DataSource;
import java.sql.Connection;

/**
 * Brings the database schema up to date with the kernel's Liquibase changelog before any store is used.
 * Liquibase's lock table makes concurrent starts of several management nodes safe. As the {@link SchemaService}, it
 * migrates modules' changelogs the same way.
 */
public class SchemaMigrator implements SchemaService {
    /** The kernel's changelog on the bundle class path. */
    public static final String CORE_CHANGELOG = "db/changelog/kumo-core.xml";
    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrator.class);

    private final DataSource dataSource;
    private final String changelog;

    /** @param dataSource the kernel data source */
    public SchemaMigrator(DataSource dataSource) {
        this(dataSource, CORE_CHANGELOG);
    }

    /** @param dataSource the data source @param changelog the changelog resource */
    public SchemaMigrator(DataSource dataSource, String changelog) {
        this.dataSource = dataSource;
        this.changelog = changelog;
    }

    /** Applies every changeSet of the kernel's changelog not yet applied. */
    public void migrate() throws Exception {
        migrate(SchemaMigrator.class.getClassLoader(), changelog);
    }

    @Override
    public synchronized void migrate(ClassLoader loader, String changelog) throws Exception {
        long start = System.nanoTime();
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(Liquibase.class.getClassLoader());
        try (Connection connection = dataSource.getConnection()) {
            Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            Liquibase liquibase = new Liquibase(changelog, new ClassLoaderResourceAccessor(loader), database);
            liquibase.update(new Contexts());
            LOG.info("database schema of {} is up to date ({}, {} ms)", changelog, database.getDatabaseProductName(), (System.nanoTime() - start) / 1_000_000);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }
}
