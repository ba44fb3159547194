package io.kumo.core.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * The databases persistence tests run against: H2 always, MariaDB when {@value #MARIADB_URL_VARIABLE} names a server,
 * e.g. {@code jdbc:mariadb://127.0.0.1:3307/kumo_test?user=root} (each run creates and drops its own database there).
 */
public enum Backend {
    /** An in-memory H2 database, as the default installation uses (file-based there). */
    H2,
    /** A fresh database on the MariaDB server named by {@value #MARIADB_URL_VARIABLE}. */
    MARIADB;

    /** The environment variable naming a MariaDB server for the tests. */
    public static final String MARIADB_URL_VARIABLE = "KUMO_TEST_MARIADB_URL";

    /** @return the backends available here; for {@code @MethodSource} */
    public static List<Backend> available() {
        List<Backend> list = new ArrayList<>(List.of(H2));
        if (mariadbUrl() != null) {
            list.add(MARIADB);
        }
        return list;
    }

    /** @return the configured MariaDB URL, or null */
    public static String mariadbUrl() {
        String url = System.getenv(MARIADB_URL_VARIABLE);
        return url == null || url.isBlank() ? null : url.trim();
    }

    /** @return a new, migrated database of this kind; close it to drop it */
    public Database open() {
        return switch (this) {
            case H2 -> Database.h2();
            case MARIADB -> {
                String url = mariadbUrl();
                if (url == null) {
                    throw new IllegalStateException(MARIADB_URL_VARIABLE + " is not set");
                }
                yield Database.mariadb(url);
            }
        };
    }
}
