package io.kumo.itests;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Login protection and access keys on a real node: captcha after 6 failed logins, TOTP two-factor, ZStack-signed
 * requests. The captcha answer is never in the API: the test reads it from the node's H2 database, which it opens
 * beside the node (AUTO_SERVER mode).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoginProtectionIT {
    private KumoNode node;
    private Rest admin;
    private String jdbcUrl;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void boot() throws Exception {
        node = KumoNode.install("loginprot");
        Path db = node.home().getParent().resolve("itdb/kumo").toAbsolutePath();
        jdbcUrl = "jdbc:h2:file:" + db + ";AUTO_SERVER=TRUE";
        node.env("KUMO_DB_URL", "jdbc:h2:file:" + db + ";LOCK_TIMEOUT=10000;AUTO_SERVER=TRUE");
        node.start();
        admin = node.rest().login();
    }

    @AfterAll
    void shutdown() throws Exception {
        if (node != null) {
            node.close();
        }
    }

    private Rest anonymous() {
        Rest r = new Rest(admin.base());
        r.useSession(null);
        return r;
    }

    private Rest.Reply login(String password, String captchaUuid, String verifyCode, List<String> systemTags) throws Exception {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("accountName", "admin");
        p.put("password", Rest.sha512(password));
        if (captchaUuid != null) {
            p.put("captchaUuid", captchaUuid);
            p.put("verifyCode", verifyCode);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("logInByAccount", p);
        if (systemTags != null) {
            body.put("systemTags", systemTags);
        }
        return anonymous().send("PUT", "/accounts/login", Rest.JSON.writeValueAsString(body));
    }

    private String captchaAnswer(String uuid) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "sa", "");
             PreparedStatement s = c.prepareStatement("SELECT answer FROM CaptchaVO WHERE uuid = ?")) {
            s.setString(1, uuid);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next(), "captcha row " + uuid);
                return rs.getString(1);
            }
        }
    }

    @Test
    void captchaAfterSixFailedLogins() throws Exception {
        for (int i = 1; i <= 6; i++) {
            Rest.Reply r = login("wrong-" + i, null, null, null);
            assertEquals(401, r.status(), r.toString());
            assertEquals("ID.1003", r.errorCode(), r.toString());
        }
        Rest.Reply refused = login("password", null, null, null);
        assertEquals(401, refused.status(), refused.toString());
        assertEquals("ID.1005", refused.errorCode(), "the 7th login, even with the right password, needs a captcha: " + refused);
        assertTrue(refused.raw().contains("/login/control/captcha"), "tells where to get one: " + refused);

        Rest.Reply captcha = anonymous().get("/login/control/captcha", "resourceName", "admin", "loginType", "account");
        assertEquals(200, captcha.status(), captcha.toString());
        String uuid = captcha.body().path("captchaUuid").asText();
        byte[] png = Base64.getDecoder().decode(captcha.body().path("captcha").asText());
        assertArrayEquals(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, Arrays.copyOf(png, 8), "a PNG image");
        assertTrue(png.length > 1000, "a real image, " + png.length + " bytes");
        String answer = captchaAnswer(uuid);
        assertFalse(captcha.raw().contains(answer), "the answer is not in the reply");

        Rest.Reply wrongCaptcha = login("password", uuid, "ZZZZZ".equals(answer) ? "YYYYY" : "ZZZZZ", null);
        assertEquals("ID.1005", wrongCaptcha.errorCode(), wrongCaptcha.toString());
        Rest.Reply reused = login("password", uuid, answer, null);
        assertEquals("ID.1005", reused.errorCode(), "a captcha answers once: " + reused);

        Rest.Reply fresh = anonymous().get("/login/control/captcha", "resourceName", "admin");
        String uuid2 = fresh.body().path("captchaUuid").asText();
        Rest.Reply ok = login("password", uuid2, captchaAnswer(uuid2), null);
        assertEquals(200, ok.status(), ok.toString());
        Rest.Reply again = login("password", null, null, null);
        assertEquals(200, again.status(), "the counter was reset by the successful login: " + again);
    }

    @Test
    void totpTwoFactor() throws Exception {
        Rest me = new Rest(admin.base()).login();
        Rest.Reply enrol = me.post("/accounts/two-factor-authentication", Map.of(), null, null);
        assertEquals(200, enrol.status(), enrol.toString());
        String secret = enrol.body().path("inventory").path("secret").asText();
        assertTrue(enrol.body().path("inventory").path("uri").asText().startsWith("otpauth://totp/Kumo:admin?secret=" + secret + "&issuer=Kumo"), enrol.toString());
        Rest.Reply state = me.get("/accounts/two-factor-authentication");
        assertFalse(state.raw().contains(secret), "the secret is shown at enrolment only");

        long now = System.currentTimeMillis() / 1000;
        if (now % 30 > 24) {
            Thread.sleep((31 - now % 30) * 1000);
        }
        long step = System.currentTimeMillis() / 1000 / 30;
        Rest.Reply verify = me.put("/accounts/two-factor-authentication/actions", "verifyTwoFactorAuthentication", Map.of("verifyCode", totp(secret, step - 1)));
        assertEquals(200, verify.status(), verify.toString());
        assertEquals("Enabled", verify.body().path("inventory").path("status").asText());
        try {
            Rest.Reply without = login("password", null, null, null);
            assertEquals("ID.1006", without.errorCode(), without.toString());
            Rest.Reply wrong = login("password", null, null, List.of("twofatoken::" + (totp(secret, step).equals("000000") ? "111111" : "000000")));
            assertEquals("ID.1006", wrong.errorCode(), wrong.toString());
            Rest.Reply with = login("password", null, null, List.of("twofatoken::" + totp(secret, step)));
            assertEquals(200, with.status(), with.toString());
            Rest.Reply replay = login("password", null, null, List.of("twofatoken::" + totp(secret, step)));
            assertEquals("ID.1006", replay.errorCode(), "a code is used once: " + replay);
        } finally {
            Rest.Reply disable = me.put("/accounts/two-factor-authentication/actions", "disableTwoFactorAuthentication", Map.of("verifyCode", totp(secret, step + 1)));
            assertEquals(200, disable.status(), disable.toString());
        }
        assertEquals(200, login("password", null, null, null).status(), "no code needed once disabled");
    }

    @Test
    void accessKeys() throws Exception {
        Rest.Reply created = admin.post("/accesskeys", Map.of("description", "it"), null, null);
        assertEquals(200, created.status(), created.toString());
        JsonNode inv = created.body().path("inventory");
        String uuid = inv.path("uuid").asText();
        String id = inv.path("AccessKeyID").asText();
        String secret = inv.path("AccessKeySecret").asText();
        assertEquals(20, id.length(), created.toString());
        assertEquals(40, secret.length(), created.toString());

        HttpResponse<String> ok = signed("GET", "/v1/zones", id, secret, ZonedDateTime.now(ZoneOffset.UTC), null);
        assertEquals(200, ok.statusCode(), ok.body());
        HttpResponse<String> okQuery = signed("GET", "/v1/zones?limit=1", id, secret, ZonedDateTime.now(ZoneOffset.UTC), null);
        assertEquals(200, okQuery.statusCode(), "the query string is not signed: " + okQuery.body());

        HttpResponse<String> stale = signed("GET", "/v1/zones", id, secret, ZonedDateTime.now(ZoneOffset.UTC).minusMinutes(20), null);
        assertEquals(401, stale.statusCode(), stale.body());
        assertTrue(stale.body().contains("ID.1111"), stale.body());
        HttpResponse<String> forged = signed("GET", "/v1/zones", id, secret, ZonedDateTime.now(ZoneOffset.UTC), "AAAAAAAAAAAAAAAAAAAAAAAAAAA=");
        assertEquals(401, forged.statusCode(), forged.body());
        assertTrue(forged.body().contains("ID.1110"), forged.body());
        HttpResponse<String> wrongSecret = signed("GET", "/v1/zones", id, secret + "x", ZonedDateTime.now(ZoneOffset.UTC), null);
        assertEquals(401, wrongSecret.statusCode(), wrongSecret.body());

        Rest.Reply query = admin.get("/accesskeys", "q", "uuid=" + uuid);
        assertEquals(200, query.status(), query.toString());
        assertEquals(id, query.body().path("inventories").get(0).path("AccessKeyID").asText(), query.toString());
        assertFalse(query.raw().contains(secret), "the secret is never queried back");
        assertFalse(query.raw().contains("Secret"), query.toString());

        Rest.Reply disabled = admin.put("/accesskeys/" + uuid + "/actions", "changeAccessKeyState", Map.of("stateEvent", "disable"));
        assertEquals("Disabled", disabled.body().path("inventory").path("state").asText(), disabled.toString());
        HttpResponse<String> refused = signed("GET", "/v1/zones", id, secret, ZonedDateTime.now(ZoneOffset.UTC), null);
        assertEquals(401, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("ID.1112"), refused.body());
        admin.put("/accesskeys/" + uuid + "/actions", "changeAccessKeyState", Map.of("stateEvent", "enable"));
        assertEquals(200, signed("GET", "/v1/zones", id, secret, ZonedDateTime.now(ZoneOffset.UTC), null).statusCode());

        assertEquals(200, admin.delete("/accesskeys/" + uuid).status());
        assertEquals(401, signed("GET", "/v1/zones", id, secret, ZonedDateTime.now(ZoneOffset.UTC), null).statusCode(), "a deleted key");
    }

    /** Signs as ZStack's SDKs: Base64(HMAC-SHA1(secret, METHOD\nDate\n/v1/path)), query string excluded. */
    private HttpResponse<String> signed(String method, String path, String id, String secret, ZonedDateTime date, String forcedSignature) throws Exception {
        String dateHeader = DateTimeFormatter.RFC_1123_DATE_TIME.format(date);
        String signedPath = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        String sig = forcedSignature != null ? forcedSignature
                : Base64.getEncoder().encodeToString(mac.doFinal((method + "\n" + dateHeader + "\n" + signedPath).getBytes(StandardCharsets.UTF_8)));
        String url = admin.base().substring(0, admin.base().length() - "/v1".length()) + path;
        HttpRequest req = HttpRequest.newBuilder(URI.create(url)).method(method, HttpRequest.BodyPublishers.noBody())
                .header("Date", dateHeader).header("Authorization", "ZStack " + id + ":" + sig).build();
        return http.send(req, HttpResponse.BodyHandlers.ofString());
    }

    /** RFC 6238, HMAC-SHA1, 6 digits: computed independently of the node's implementation. */
    private static String totp(String base32, long step) throws Exception {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        java.io.ByteArrayOutputStream key = new java.io.ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char ch : base32.toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(ch);
            bits += 5;
            if (bits >= 8) {
                key.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(key.toByteArray(), "HmacSHA1"));
        byte[] h = mac.doFinal(java.nio.ByteBuffer.allocate(8).putLong(step).array());
        int o = h[h.length - 1] & 0xf;
        int v = ((h[o] & 0x7f) << 24) | ((h[o + 1] & 0xff) << 16) | ((h[o + 2] & 0xff) << 8) | (h[o + 3] & 0xff);
        return String.format("%06d", v % 1_000_000);
    }
}
