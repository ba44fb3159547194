package io.kumo.core.persistence;

import io.kumo.core.testing.Database;
import io.kumo.core.testing.Stores;
import io.kumo.core.zone.ZoneEntity;
import io.kumo.core.zone.ZoneStore;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Liquibase changelog creates every table once and can run again on an up-to-date database. */
interface SchemaMigrationContract extends DatabaseTest {

    /** Counts the changeSets that apply to the database: those without dbms, and MySQL-only ones on MariaDB. */
    private static int changeSetsInChangelog(boolean mysql) throws IOException {
        try (InputStream in = SchemaMigrator.class.getClassLoader().getResourceAsStream(SchemaMigrator.CORE_CHANGELOG)) {
            assertNotNull(in, "changelog on the class path");
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            // included files (relative to the kernel's changelog) count too
            Matcher include = Pattern.compile("<include file=\"([^\"]+)\"").matcher(text);
            StringBuilder all = new StringBuilder(text);
            while (include.find()) {
                String path = SchemaMigrator.CORE_CHANGELOG.substring(0, SchemaMigrator.CORE_CHANGELOG.lastIndexOf('/') + 1) + include.group(1);
                try (InputStream part = SchemaMigrator.class.getClassLoader().getResourceAsStream(path)) {
                    assertNotNull(part, path + " on the class path");
                    all.append(new String(part.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
            Matcher m = Pattern.compile("<changeSet\\s[^>]*>").matcher(all);
            int n = 0;
            while (m.find()) {
                String tag = m.group();
                if (!tag.contains("dbms=") || (mysql && tag.contains("mariadb"))) {
                    n++;
                }
            }
            return n;
        }
    }

    @Test
    default void migrationCreatesEveryTableAndRecordsEveryChangeSet() throws IOException {
        Database db = db();
        for (String table : Database.TABLES) {
            assertEquals(0, db.queryLong("SELECT COUNT(*) FROM " + table), table);
        }
        int changeSets = changeSetsInChangelog(db.backend() == io.kumo.core.testing.Backend.MARIADB);
        assertTrue(changeSets >= 6, "the changelog has the kernel's changeSets");
        assertEquals(changeSets, db.queryLong("SELECT COUNT(*) FROM DATABASECHANGELOG"));
    }

    @Test
    default void migrationIsIdempotentAndKeepsData() throws Exception {
        Database db = db();
        ZoneStore zones = Stores.zones(db, null);
        ZoneEntity z = new ZoneEntity();
        z.setUuid("00000000000000000000000000000001");
        z.setName("survivor");
        z.setState("Enabled");
        z.setType("zone");
        z.setCreateDate(Timestamp.valueOf("2024-05-06 07:08:09"));
        z.setLastOpDate(z.getCreateDate());
        zones.create(z);
        long recorded = db.queryLong("SELECT COUNT(*) FROM DATABASECHANGELOG");

        assertDoesNotThrow(db::migrate, "the real SchemaMigrator, again");
        assertDoesNotThrow(db::migrate);

        assertEquals(recorded, db.queryLong("SELECT COUNT(*) FROM DATABASECHANGELOG"), "no changeSet ran twice");
        assertEquals(0, db.queryLong("SELECT COUNT(*) FROM DATABASECHANGELOGLOCK WHERE LOCKED = TRUE"), "lock released");
        assertEquals("survivor", zones.find(z.getUuid()).getName());
    }
}
