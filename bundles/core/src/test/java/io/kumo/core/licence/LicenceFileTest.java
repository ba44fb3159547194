package io.kumo.core.licence;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kumo.api.error.ApiException;
import io.kumo.api.licence.LicenceService;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Licence files: what is accepted, and each refusal with the reason it gives. */
class LicenceFileTest {
    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    private static final Instant NEXT_YEAR = NOW.plus(365, ChronoUnit.DAYS);
    private static final String UUID = "a".repeat(32);
    private final TestLicences issuer = new TestLicences();

    private String refusal(String base64) {
        ApiException e = assertThrows(ApiException.class, () -> LicenceFile.upload(base64, issuer.trust(), NOW));
        assertEquals(LicenceService.INVALID_LICENCE.code(), e.error().code());
        assertEquals(400, e.error().httpStatus());
        return e.error().details();
    }

    @Test
    void readsAValidPlatformAndModuleLicence() {
        LicenceFile p = LicenceFile.upload(issuer.upload(TestLicences.platform(UUID, "host", 10, NOW, NEXT_YEAR)), issuer.trust(), NOW);
        assertTrue(p.isPlatform());
        assertEquals("Enterprise", p.edition());
        assertEquals("host", p.quotaType());
        assertEquals(10, p.quota());
        assertEquals(NEXT_YEAR, p.expiredDate());
        assertEquals(TestLicences.KEY_NAME, p.source());

        LicenceFile m = LicenceFile.upload(issuer.upload(TestLicences.module("b".repeat(32), List.of("vmware", "baremetal"), NOW, NEXT_YEAR)),
                issuer.trust(), NOW);
        assertEquals(List.of("baremetal", "vmware"), m.modules());
        assertEquals(0, m.quota());
    }

    @Test
    void refusesAForgedSignature() throws Exception {
        String text = issuer.sign(TestLicences.platform(UUID, "host", 10, NOW, NEXT_YEAR));
        ObjectNode file = (ObjectNode) new ObjectMapper().readTree(text);
        // the same file with a larger capacity written into its payload
        String forged = new String(Base64.getDecoder().decode(file.get("payload").asText()), StandardCharsets.UTF_8)
                .replace("\"hostNum\":10", "\"hostNum\":10000");
        file.put("payload", Base64.getEncoder().encodeToString(forged.getBytes(StandardCharsets.UTF_8)));
        assertTrue(refusal(TestLicences.base64(file.toString())).contains("signature does not verify"));
    }

    @Test
    void refusesAKeyThatIsNotTrusted() {
        TestLicences stranger = new TestLicences();
        String details = refusal(stranger.upload(TestLicences.platform(UUID, "host", 10, NOW, NEXT_YEAR)));
        // the stranger uses the same key name: the signature, not the name, decides
        assertTrue(details.contains("signature does not verify"), details);

        String other = TestLicences.base64(issuer.sign(TestLicences.platform(UUID, "host", 10, NOW, NEXT_YEAR)).replace("\"key\":\"test\"", "\"key\":\"nobody\""));
        assertTrue(refusal(other).contains("does not trust"));
    }

    @Test
    void refusesWhatIsNotALicence() {
        assertTrue(refusal("%%%not base64%%%").contains("base64"));
        assertTrue(refusal(TestLicences.base64("hello")).contains("not JSON"));
        assertTrue(refusal(TestLicences.base64("{\"format\":\"other/1\"}")).contains("format kumo-licence/1"));
    }

    @Test
    void refusesBadDatesModulesAndCapacity() {
        assertTrue(refusal(issuer.upload(TestLicences.platform(UUID, "host", 10, NOW.minus(400, ChronoUnit.DAYS), NOW.minusSeconds(1))))
                .contains("expired on"));
        assertTrue(refusal(issuer.upload(TestLicences.platform(UUID, "host", 10, NOW.plus(2, ChronoUnit.DAYS), NEXT_YEAR)))
                .contains("date still to come"));
        assertTrue(refusal(issuer.upload(TestLicences.module(UUID, List.of("teleport"), NOW, NEXT_YEAR))).contains("'teleport'"));
        assertTrue(refusal(issuer.upload(TestLicences.module(UUID, List.of(), NOW, NEXT_YEAR))).contains("names no module"));
        assertTrue(refusal(issuer.upload(TestLicences.platform(UUID, "host", 0, NOW, NEXT_YEAR))).contains("at least 1"));
        assertTrue(refusal(issuer.upload(TestLicences.platform(UUID, "vm", 5, NOW, NEXT_YEAR))).contains("host or cpu"));
        Map<String, Object> noEdition = TestLicences.platform(UUID, "cpu", 4, NOW, NEXT_YEAR);
        noEdition.put("edition", "Gold");
        assertTrue(refusal(issuer.upload(noEdition)).contains("'Gold'"));
    }

    @Test
    void theReleaseKeyShipsAndExtraKeysAreParsed() {
        TrustedKeys keys = TrustedKeys.releaseKeyAnd("ci:" + TrustedKeys.encode(issuer.keys.getPublic()));
        assertTrue(keys.find(TrustedKeys.RELEASE_KEY_NAME).isPresent());
        assertEquals(1, keys.extraKeyCount());
        LicenceFile f = LicenceFile.read(issuer.sign(TestLicences.platform(UUID, "host", 1, NOW, NEXT_YEAR)).replace("\"key\":\"test\"", "\"key\":\"ci\""), keys);
        assertEquals("ci", f.source());
        assertThrows(IllegalArgumentException.class, () -> TrustedKeys.releaseKeyAnd("kumo:" + TrustedKeys.encode(issuer.keys.getPublic())));
        assertThrows(IllegalArgumentException.class, () -> TrustedKeys.releaseKeyAnd("no-colon"));
    }

    @Test
    void theTrialGrantThatShipsIsSignedByTheReleaseKeyAndGrantsEveryModuleFor30Days() throws Exception {
        String text;
        try (var in = LicenceFile.class.getResourceAsStream(TrialLicence.GRANT_RESOURCE)) {
            text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        LicenceFile grant = LicenceFile.read(text, TrustedKeys.releaseKeyAnd(""));
        assertTrue(grant.isTrial());
        assertEquals(TrustedKeys.RELEASE_KEY_NAME, grant.source());
        assertEquals(30, grant.trialDays());
        assertEquals(new java.util.TreeSet<>(io.kumo.api.licence.LicensedModules.ALL), new java.util.TreeSet<>(grant.modules()));
        assertTrue(grant.expiredDate().isAfter(java.time.Instant.parse("2030-01-01T00:00:00Z")), "releases start trials for years");
    }
}
