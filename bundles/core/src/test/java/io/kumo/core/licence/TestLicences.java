package io.kumo.core.licence;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Issues licences signed by a key made for the test, as the supplier's tooling does with the release key. */
final class TestLicences {
    static final String KEY_NAME = "test";
    final KeyPair keys;

    TestLicences() {
        try {
            keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return trust in this issuer's key only */
    TrustedKeys trust() { return TrustedKeys.of(Map.of(KEY_NAME, keys.getPublic())); }

    static Map<String, Object> platform(String uuid, String quotaType, int quota, Instant issued, Instant expires) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("uuid", uuid);
        p.put("user", "ACME");
        p.put("licenseType", "Basic");
        p.put("edition", "Enterprise");
        p.put("quotaType", quotaType);
        p.put(quotaType + "Num", quota);
        p.put("issuedDate", issued.toString());
        p.put("expiredDate", expires.toString());
        return p;
    }

    static Map<String, Object> module(String uuid, List<String> modules, Instant issued, Instant expires) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("uuid", uuid);
        p.put("user", "ACME");
        p.put("licenseType", "AddOn");
        p.put("modules", modules);
        p.put("issuedDate", issued.toString());
        p.put("expiredDate", expires.toString());
        return p;
    }

    static Map<String, Object> trialGrant(String uuid, int days, Instant grantEnds) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("uuid", uuid);
        p.put("user", "Kumo trial");
        p.put("licenseType", "Trial");
        p.put("edition", "Enterprise");
        p.put("modules", List.of("baremetal", "disaster-recovery", "enterprise-management", "vmware"));
        p.put("trialDays", days);
        p.put("issuedDate", "2026-12-01T00:00:00Z");
        p.put("expiredDate", grantEnds.toString());
        return p;
    }

    /** @return the signed file's text */
    String sign(Map<String, ?> payload) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(keys.getPrivate());
            return LicenceFile.sign(payload, KEY_NAME, s);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the signed file as clients upload it: base64 */
    String upload(Map<String, ?> payload) { return base64(sign(payload)); }

    static String base64(String text) { return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)); }
}
