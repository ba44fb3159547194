package io.kumo.core.testing;

import io.kumo.core.persistence.SchemaMigrator;
import liquibase.Scope;
import liquibase.ui.LoggerUIService;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.EntityTransaction;
import javax.persistence.Persistence;
import javax.sql.DataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A test database with the kernel schema, and JPA as the stores see it in OSGi.
 * <p>
 * The schema is created by the real {@link SchemaMigrator} (the Liquibase changelog of the bundle). Stores get
 * {@link #entityManager()}: a thread-safe proxy delegating to the entity manager of the transaction running on the
 * calling thread, which {@link #inTransaction} opens, commits (or rolls back) and closes, as a JTA transaction-scoped
 * persistence context would. Using it outside a transaction fails, so a store method the harness does not wrap
 * (see {@link Stores}) is noticed at once.
 */
public final class Database implements AutoCloseable {
    /** The kernel's tables, children first. */
    public static final List<String> TABLES = List.of("JobVO", "ZoneVO", "GlobalConfigVO", "TagVO", "ManagementNodeVO",
            "SessionVO", "AccountVO", "LicenseVO", "UserGroupUserRefVO", "PolicyAttachmentVO", "UserVO", "UserGroupVO", "PolicyVO",
            "AccountResourceRefVO", "SharedResourceVO", "AuditVO");
    private static final Pattern MARIADB_URL = Pattern.compile("^(jdbc:(?:mariadb|mysql)://[^/?]+)(?:/([^?]*))?(\\?.*)?$");

    /** Held so that the level stays set (java.util.logging keeps loggers weakly). */
    private static final java.util.logging.Logger LIQUIBASE_LOG = java.util.logging.Logger.getLogger("liquibase");

    static {
        LIQUIBASE_LOG.setLevel(java.util.logging.Level.WARNING);
        // the update summary has its own switch (see migrate() for the rest of Liquibase's console output)
        System.setProperty("liquibase.command.showSummaryOutput", "LOG");
    }

    private final Backend backend;
    private final DataSource dataSource;
    private final EntityManagerFactory factory;
    private final ThreadLocal<EntityManager> current = new ThreadLocal<>();
    private final EntityManager proxy;
    private final Runnable onClose;

    /**
     * A module's schema for tests: the kernel's tables plus the module's.
     *
     * @param persistenceUnit the RESOURCE_LOCAL test unit listing the module's entities (in its test resources)
     * @param loader          the class loader the module's changelog is read from
     * @param changelog       the module's Liquibase changelog, applied after the kernel's
     */
    public record ModuleSchema(String persistenceUnit, ClassLoader loader, String changelog) { }

    private static final ModuleSchema KERNEL = new ModuleSchema("kumo-test", null, null);

    private final ModuleSchema module;

    private Database(Backend backend, String url, String driver, String user, String password, Runnable onClose) {
        this(backend, url, driver, user, password, onClose, KERNEL);
    }

    private Database(Backend backend, String url, String driver, String user, String password, Runnable onClose,
                     ModuleSchema module) {
        this.module = module;
        this.backend = backend;
        this.onClose = onClose;
        this.dataSource = new SimpleDataSource(url, user, password);
        try {
            migrate();
        } catch (Exception e) {
            throw new IllegalStateException("could not create the kernel schema on " + backend, e);
        }
        Map<String, Object> props = new HashMap<>();
        props.put("javax.persistence.jdbc.url", url);
        props.put("javax.persistence.jdbc.driver", driver);
        if (user != null) {
            props.put("javax.persistence.jdbc.user", user);
            props.put("javax.persistence.jdbc.password", password == null ? "" : password);
        }
        this.factory = Persistence.createEntityManagerFactory(module.persistenceUnit(), props);
        this.proxy = (EntityManager) Proxy.newProxyInstance(EntityManager.class.getClassLoader(),
                new Class<?>[] {EntityManager.class}, this::invoke);
    }

    /** @return a new in-memory H2 database with the kernel schema */
    public static Database h2() {
        return h2(KERNEL);
    }

    /** @param module a module's schema @return a new in-memory H2 database with the kernel's and the module's schema */
    public static Database h2(ModuleSchema module) {
        String url = "jdbc:h2:mem:kumo-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        return new Database(Backend.H2, url, "org.h2.Driver", null, null,
                () -> runSql(new SimpleDataSource(url, null, null), "SHUTDOWN"), module);
    }

    /**
     * @param serverUrl a MariaDB URL; its database part, if any, is replaced by a new database
     * @return a new database {@code kumo_test_<random>} on that server with the kernel schema; dropped on close
     */
    public static Database mariadb(String serverUrl) {
        Matcher m = MARIADB_URL.matcher(serverUrl);
        if (!m.matches()) {
            throw new IllegalArgumentException(Backend.MARIADB_URL_VARIABLE + " is not a jdbc:mariadb:// URL");
        }
        // EclipseLink 2.7 knows MySQL but not MariaDB by product name, and falls back to a generic platform whose
        // SQL MariaDB rejects: the driver reports "MySQL" with useMysqlMetadata (the deployed URL needs it too).
        String query = m.group(3) == null || m.group(3).length() <= 1 ? "?useMysqlMetadata=true"
                : m.group(3).contains("useMysqlMetadata") ? m.group(3) : m.group(3) + "&useMysqlMetadata=true";
        String name = "kumo_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String server = m.group(1) + "/" + query;
        SimpleDataSource admin = new SimpleDataSource(server, null, null);
        runSql(admin, "CREATE DATABASE " + name + " CHARACTER SET utf8mb4");  // as production databases are created
        try {
            return new Database(Backend.MARIADB, m.group(1) + "/" + name + query, "org.mariadb.jdbc.Driver", null, null,
                    () -> runSql(admin, "DROP DATABASE IF EXISTS " + name));
        } catch (RuntimeException e) {
            runSql(admin, "DROP DATABASE IF EXISTS " + name);
            throw e;
        }
    }

    private static void runSql(DataSource ds, String sql) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("failed: " + sql, e);
        }
    }

    private Object invoke(Object self, java.lang.reflect.Method method, Object[] args) throws Throwable {
        switch (method.getName()) {
            case "toString":
                if (method.getParameterCount() == 0) {
                    return "test EntityManager proxy of " + backend;
                }
                break;
            case "hashCode":
                if (method.getParameterCount() == 0) {
                    return System.identityHashCode(self);
                }
                break;
            case "equals":
                if (method.getParameterCount() == 1) {
                    return self == args[0];
                }
                break;
            default:
                break;
        }
        EntityManager em = current.get();
        if (em == null) {
            throw new IllegalStateException("EntityManager." + method.getName() + " called outside a transaction: "
                    + "wrap the store method in Database.inTransaction (see io.kumo.core.testing.Stores)");
        }
        try {
            return method.invoke(em, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /**
     * Runs the real {@link SchemaMigrator} on this database, with Liquibase's console output (progress and update
     * summary) sent to its log, which the tests keep at WARNING.
     */
    public void migrate() throws Exception {
        Scope.child(Map.of(Scope.Attr.ui.name(), new LoggerUIService()), () -> {
            new SchemaMigrator(dataSource).migrate();
            if (module.changelog() != null) {
                new SchemaMigrator(dataSource).migrate(module.loader(), module.changelog());
            }
        });
    }

    /** @return which database this is */
    public Backend backend() { return backend; }

    /** @return a data source for it */
    public DataSource dataSource() { return dataSource; }

    /** @return the entity manager to give stores: the one of the calling thread's transaction */
    public EntityManager entityManager() { return proxy; }

    /**
     * Runs work in a transaction with its own persistence context, or in the calling thread's transaction if one is
     * running (like {@code TxType.REQUIRED}). An exception rolls the transaction back and is rethrown; a failed
     * commit throws.
     */
    public <T> T inTransaction(Supplier<T> work) {
        if (current.get() != null) {
            return work.get();
        }
        EntityManager em = factory.createEntityManager();
        current.set(em);
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            T result = work.get();
            tx.commit();
            return result;
        } catch (RuntimeException | Error e) {
            if (tx.isActive()) {
                tx.rollback();
            }
            throw e;
        } finally {
            current.remove();
            em.close();
        }
    }

    /** Runs work in a transaction; see {@link #inTransaction(Supplier)}. */
    public void inTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }

    /** Deletes every row of the kernel's tables (not Liquibase's). */
    public void deleteAll() {
        for (String table : TABLES) {
            execute("DELETE FROM " + table);
        }
    }

    /** @param sql a statement run over plain JDBC */
    public void execute(String sql) {
        runSql(dataSource, sql);
    }

    /** @param sql a query whose first column of the first row is a number @return it */
    public long queryLong(String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            if (!rs.next()) {
                throw new IllegalStateException("no row: " + sql);
            }
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("failed: " + sql, e);
        }
    }

    /** Closes JPA and drops the database. */
    @Override
    public void close() {
        try {
            factory.close();
        } finally {
            onClose.run();
        }
    }
}
