package io.kumo.core.licence;

import io.kumo.api.licence.LicenceInventory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The supplier's tool: its keys and licences are what a node verifies. */
class LicenceIssuerTest {
    private static final Instant NOW = Instant.parse("2026-12-05T08:00:00Z");

    @Test
    void aKeyPairItMakesSignsLicencesANodeTrustingItsPublicHalfAccepts(@TempDir Path dir) throws Exception {
        String out = LicenceIssuer.run(List.of("keygen", dir.toString(), "acme"));
        assertTrue(out.contains("licence.extraKeys = acme:"), out);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("acme.pk8"))));
        String pub = Files.readString(dir.resolve("acme.pub")).trim();
        TrustedKeys keys = TrustedKeys.releaseKeyAnd("acme:" + pub);

        String basic = LicenceIssuer.run(List.of("issue", "--key", dir.resolve("acme.pk8").toString(), "--key-name", "acme",
                "--user", "ACME", "--type", "Basic", "--edition", "Hybrid", "--cpus", "64", "--days", "365"));
        LicenceFile f = LicenceFile.upload(basic, keys, Instant.now());
        assertEquals("Hybrid", f.edition());
        assertEquals(LicenceInventory.QUOTA_CPU, f.quotaType());
        assertEquals(64, f.quota());
        assertEquals(365, java.time.Duration.between(f.issuedDate(), f.expiredDate()).toDays());

        String addOn = LicenceIssuer.issue(java.util.Map.of("key", dir.resolve("acme.pk8").toString(), "key-name", "acme",
                "user", "ACME", "type", "AddOn", "modules", "vmware,baremetal", "expires", "2027-06-01T00:00:00Z"), NOW);
        assertEquals(List.of("baremetal", "vmware"), LicenceFile.read(addOn, keys).modules());

        String trial = LicenceIssuer.issue(java.util.Map.of("key", dir.resolve("acme.pk8").toString(), "key-name", "acme",
                "user", "Kumo trial", "type", "Trial", "trial-days", "30", "days", "3650"), NOW);
        LicenceFile grant = LicenceFile.read(trial, keys);
        assertTrue(grant.isTrial());
        assertEquals(NOW.plus(java.time.Duration.ofDays(30)), grant.startedAt(NOW).expiredDate());
    }

    @Test
    void wrongCommandLinesSayWhatIsExpected(@TempDir Path dir) {
        LicenceIssuer.run(List.of("keygen", dir.toString(), "k"));
        String key = dir.resolve("k.pk8").toString();
        assertTrue(message(List.of("issue", "--key", key, "--user", "U", "--type", "Basic", "--edition", "Enterprise", "--days", "1"))
                .contains("either --hosts N or --cpus N"));
        assertTrue(message(List.of("issue", "--key", key, "--user", "U", "--type", "Gold")).contains("Basic, AddOn or Trial"));
        assertTrue(message(List.of("issue", "--key", key, "--user", "U", "--type", "AddOn", "--modules", "vmware", "--expires", "soon"))
                .contains("ISO-8601"));
        assertTrue(message(List.of("issue", "--key", dir.resolve("none.pk8").toString(), "--user", "U", "--type", "AddOn",
                "--modules", "vmware", "--days", "3")).contains("cannot read the private key"));
        assertTrue(message(List.of("frobnicate")).contains("expected keygen or issue"));
    }

    private static String message(List<String> args) {
        return assertThrows(IllegalArgumentException.class, () -> LicenceIssuer.run(args)).getMessage();
    }
}
