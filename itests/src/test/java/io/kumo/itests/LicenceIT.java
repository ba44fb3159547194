package io.kumo.itests;

import com.fasterxml.jackson.databind.JsonNode;
import io.kumo.core.licence.LicenceFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Licences on a real node, through REST and the shell: the trial started on the first start, refusals of forged,
 * untrusted and expired files and of module licences without a platform licence, an upload from a file at the shell,
 * and the platform licence's host count enforced when hosts are added. The node trusts the repository's test key
 * ({@code licence.extraKeys}); the tests sign licences with its private half, as the supplier's tool does.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LicenceIT {
    private static final String TEST_KEY = "test";
    private KumoNode node;
    private Rest rest;
    private String nodeUuid;
    private PrivateKey testKey;

    @BeforeAll
    void boot() throws Exception {
        node = KumoNode.install("licence");
        node.config("io.kumo.core", "licence.extraKeys", TEST_KEY + ":" + resource("test-licence-key.pub"));
        node.start();
        rest = node.rest().login();
        nodeUuid = node.nodeUuid();
        testKey = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(
                Base64.getDecoder().decode(resource("test-licence-key.pk8"))));
    }

    @AfterAll
    void shutdown() throws Exception {
        if (node != null) {
            node.close();
        }
    }

    private static String resource(String name) throws Exception {
        try (InputStream in = LicenceIT.class.getResourceAsStream("/licence/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim();
        }
    }

    private String sign(Map<String, ?> payload, PrivateKey key, String keyName) throws Exception {
        Signature s = Signature.getInstance("Ed25519");
        s.initSign(key);
        return LicenceFile.sign(payload, keyName, s);
    }

    private static Map<String, Object> platform(int hosts, Instant issued, Instant expires) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("uuid", UUID.randomUUID().toString().replace("-", ""));
        p.put("user", "ACME");
        p.put("licenseType", "Basic");
        p.put("edition", "Enterprise");
        p.put("quotaType", "host");
        p.put("hostNum", hosts);
        p.put("issuedDate", issued.toString());
        p.put("expiredDate", expires.toString());
        return p;
    }

    private static Map<String, Object> module(String name) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("uuid", UUID.randomUUID().toString().replace("-", ""));
        p.put("user", "ACME");
        p.put("licenseType", "AddOn");
        p.put("modules", List.of(name));
        p.put("issuedDate", Instant.now().minus(1, ChronoUnit.DAYS).toString());
        p.put("expiredDate", Instant.now().plus(90, ChronoUnit.DAYS).toString());
        return p;
    }

    private Rest.Reply upload(String file) throws Exception {
        return rest.awaitJob(rest.put("/licenses/mn/" + nodeUuid + "/actions", "updateLicense",
                Map.of("license", Base64.getEncoder().encodeToString(file.getBytes(StandardCharsets.UTF_8)))));
    }

    private JsonNode platformLicence() throws Exception {
        Rest.Reply r = rest.get("/licenses");
        assertEquals(200, r.status(), r.raw());
        return r.body().path("inventory");
    }

    @Test
    @Order(1)
    void aFreshInstallationRunsTheTrialOfEveryModule() throws Exception {
        JsonNode trial = platformLicence();
        assertEquals("Trial", trial.path("licenseType").asText(), trial.toString());
        assertTrue(trial.path("modules").toString().contains("vmware"), trial.toString());
        Instant expires = java.time.LocalDateTime.parse(trial.path("expiredDate").asText(),
                java.time.format.DateTimeFormatter.ofPattern("MMM d, yyyy h:mm:ss a", java.util.Locale.ENGLISH))
                .atZone(java.time.ZoneId.systemDefault()).toInstant();
        long days = Duration.between(Instant.now(), expires).toDays();
        assertTrue(days >= 29 && days <= 30, "the trial lasts 30 days from the first start: " + trial);

        Rest.Reply delete = rest.delete("/licenses/mn/" + nodeUuid + "/actions?uuid=" + trial.path("uuid").asText());
        assertEquals(400, delete.status(), delete.raw());
        assertTrue(delete.raw().contains("trial licence cannot be deleted"), delete.raw());
    }

    @Test
    @Order(2)
    void forgedUntrustedAndExpiredFilesAreRefusedAndChangeNothing() throws Exception {
        Instant now = Instant.now();
        PrivateKey stranger = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate();

        Rest.Reply forged = upload(sign(platform(10, now, now.plus(365, ChronoUnit.DAYS)), stranger, TEST_KEY));
        assertEquals(400, forged.status(), forged.raw());
        assertEquals("LICENSE.1004", forged.errorCode());
        assertTrue(forged.raw().contains("signature does not verify"), forged.raw());

        Rest.Reply untrusted = upload(sign(platform(10, now, now.plus(365, ChronoUnit.DAYS)), stranger, "acme"));
        assertEquals("LICENSE.1004", untrusted.errorCode());
        assertTrue(untrusted.raw().contains("does not trust"), untrusted.raw());

        Rest.Reply expired = upload(sign(platform(10, now.minus(400, ChronoUnit.DAYS), now.minus(35, ChronoUnit.DAYS)), testKey, TEST_KEY));
        assertEquals("LICENSE.1004", expired.errorCode());
        assertTrue(expired.raw().contains("expired on"), expired.raw());

        Rest.Reply notBase64 = rest.awaitJob(rest.put("/licenses/mn/" + nodeUuid + "/actions", "updateLicense", Map.of("license", "%%%")));
        assertEquals("LICENSE.1004", notBase64.errorCode());

        Rest.Reply withoutPlatform = upload(sign(module("vmware"), testKey, TEST_KEY));
        assertEquals(403, withoutPlatform.status(), withoutPlatform.raw());
        assertEquals("LICENSE.1001", withoutPlatform.errorCode());
        assertTrue(withoutPlatform.raw().contains("upload the platform licence first"), withoutPlatform.raw());

        assertEquals("Trial", platformLicence().path("licenseType").asText(), "nothing written");
    }

    @Test
    @Order(3)
    void aPlatformLicenceFromAFileAtTheShellLimitsTheHostsThatCanBeAdded() throws Exception {
        Instant now = Instant.now();
        Path file = node.home().resolve("kumo-platform.lic");
        Files.writeString(file, sign(platform(2, now.minus(1, ChronoUnit.DAYS), now.plus(365, ChronoUnit.DAYS)), testKey, TEST_KEY));
        String out = node.shell("kumo:update-license --managementNodeUuid " + nodeUuid + " --license @" + file);
        assertTrue(out.contains("Basic"), out);
        JsonNode platform = platformLicence();
        assertEquals("Basic", platform.path("licenseType").asText(), platform.toString());
        assertEquals(2, platform.path("hostNum").asInt());

        String zone = rest.createZone("licence-zone", List.of()).path("uuid").asText();
        Rest.Reply cluster = rest.awaitJob(rest.post("/clusters", Map.of("zoneUuid", zone, "name", "c", "hypervisorType", "Simulator"),
                List.of(), List.of()));
        assertEquals(200, cluster.status(), cluster.raw());
        String clusterUuid = cluster.body().path("inventory").path("uuid").asText();
        assertEquals(200, addHost(clusterUuid, "10.9.0.1").status());
        assertEquals(200, addHost(clusterUuid, "10.9.0.2").status());
        Rest.Reply third = addHost(clusterUuid, "10.9.0.3");
        assertEquals(403, third.status(), third.raw());
        assertEquals("LICENSE.1003", third.errorCode());
        assertTrue(third.raw().contains("allows 2 hosts and this would make 3"), third.raw());
        Rest.Reply hosts = rest.get("/hosts", "count", "true");
        assertEquals(2, hosts.body().path("total").asInt(), hosts.raw());

        Rest.Reply addOn = upload(sign(module("baremetal"), testKey, TEST_KEY));
        assertEquals(200, addOn.status(), addOn.raw());
        Rest.Reply addOns = rest.get("/licenses/addons");
        assertTrue(addOns.body().path("addons").toString().contains("baremetal"), addOns.raw());
    }

    private Rest.Reply addHost(String clusterUuid, String ip) throws Exception {
        Map<String, Object> p = new HashMap<>();
        p.put("name", "host-" + ip);
        p.put("managementIp", ip);
        p.put("clusterUuid", clusterUuid);
        p.put("cpuCapacity", 8);
        p.put("memoryCapacity", 16L << 30);
        return rest.awaitJob(rest.post("/hosts/simulators", p, List.of(), List.of()));
    }
}
