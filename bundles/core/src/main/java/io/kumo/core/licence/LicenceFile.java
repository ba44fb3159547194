package io.kumo.core.licence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kumo.api.error.ApiException;
import io.kumo.api.licence.LicenceInventory;
import io.kumo.api.licence.LicenceService;
import io.kumo.api.licence.LicensedModules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A verified licence file. The file is JSON: {@code {"format":"kumo-licence/1","key":"<key name>",
 * "payload":"<base64 of the licence JSON>","signature":"<base64 Ed25519 signature of the payload bytes>"}}; the
 * payload holds {@code uuid, user, licenseType (Basic|AddOn), edition (Enterprise|Hybrid, Basic only), modules
 * (AddOn only), quotaType (host|cpu) and hostNum or cpuNum (Basic only), issuedDate, expiredDate} (ISO-8601 instants).
 * Clients upload the file encoded in base64, as ZStack clients do.
 * <p>
 * A <em>trial grant</em> ({@code licenseType Trial}) ships inside Kumo: edition, every module and {@code trialDays}; its
 * {@code expiredDate} is the last day it can start a trial. It becomes a licence only when {@link #startedAt started}
 * on an installation's first start, and then lasts {@code trialDays} from that day.
 *
 * @param uuid        the licence uuid
 * @param user        who it was issued to
 * @param licenseType {@code Basic} or {@code AddOn}
 * @param edition     the platform edition, or null for a module licence
 * @param modules     the modules of a module licence, sorted; empty for a platform licence
 * @param quotaType   {@code host} or {@code cpu}, or null for a module licence
 * @param quota       the licensed hosts or CPU sockets; 0 for a module licence
 * @param issuedDate  when it was issued
 * @param expiredDate when it expires (for a trial grant not yet started: the last day it can be started)
 * @param trialDays   how long a trial lasts once started; 0 unless {@code licenseType} is {@code Trial}
 * @param source      the name of the key that signed it
 * @param text        the file as uploaded (decoded from base64), kept so that it is verified again when read back
 */
public record LicenceFile(String uuid, String user, String licenseType, String edition, List<String> modules,
                          String quotaType, int quota, Instant issuedDate, Instant expiredDate, int trialDays,
                          String source, String text) {
    /** {@code licenseType} of the trial grant that ships with Kumo. */
    public static final String TRIAL = LicenceInventory.TRIAL;
    /** The format this version reads and writes. */
    public static final String FORMAT = "kumo-licence/1";
    /** Platform editions. */
    public static final Set<String> EDITIONS = Set.of("Enterprise", "Hybrid");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{32}");
    /** A licence file is a few hundred bytes; refuse anything far larger before parsing it. */
    private static final int MAX_BYTES = 64 * 1024;

    /**
     * Decodes, verifies and reads an uploaded licence.
     *
     * @param base64 the licence file, encoded in base64 (or the file's text itself)
     * @param keys   the keys trusted to sign licences
     * @param now    the time to check the dates against
     * @return the licence
     * @throws ApiException {@link LicenceService#INVALID_LICENCE} saying what is wrong and what to do
     */
    public static LicenceFile upload(String base64, TrustedKeys keys, Instant now) {
        String text = base64.trim();
        if (!text.startsWith("{")) {  // the file itself is accepted too (the shell's --license @kumo.lic)
            try {
                text = new String(Base64.getMimeDecoder().decode(text), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw invalid("the license parameter must be the licence file encoded in base64 (base64 -w0 kumo.lic)");
            }
        }
        LicenceFile file = read(text, keys);
        if (file.isTrial()) {
            throw invalid("licence " + file.uuid + " is the trial grant that ships with Kumo; it starts by itself on an "
                    + "installation's first start and cannot be uploaded");
        }
        if (file.issuedDate.isAfter(now.plusSeconds(300))) {
            throw invalid("licence " + file.uuid + " is issued for " + file.issuedDate + ", a date still to come; "
                    + "check this node's clock");
        }
        if (!file.expiredDate.isAfter(now)) {
            throw invalid("licence " + file.uuid + " expired on " + file.expiredDate + "; ask your Kumo supplier for a renewed licence");
        }
        return file;
    }

    /**
     * Verifies and reads a licence file's text (as stored after its upload).
     *
     * @param text the file's text
     * @param keys the keys trusted to sign licences
     * @return the licence
     * @throws ApiException {@link LicenceService#INVALID_LICENCE} if it is not a valid licence signed by a trusted key
     */
    public static LicenceFile read(String text, TrustedKeys keys) {
        if (text.length() > MAX_BYTES) {
            throw invalid("a licence file is at most " + MAX_BYTES + " bytes; this is not a Kumo licence");
        }
        JsonNode envelope;
        try {
            envelope = JSON.readTree(text);
        } catch (IOException e) {
            throw invalid("the file is not a Kumo licence (it is not JSON)");
        }
        if (envelope == null || !envelope.isObject() || !FORMAT.equals(envelope.path("format").asText())) {
            throw invalid("the file is not a Kumo licence (format " + FORMAT + " expected)");
        }
        String keyName = envelope.path("key").asText("");
        byte[] payload;
        byte[] signature;
        try {
            payload = Base64.getDecoder().decode(envelope.path("payload").asText(""));
            signature = Base64.getDecoder().decode(envelope.path("signature").asText(""));
        } catch (IllegalArgumentException e) {
            throw invalid("the licence's payload or signature is not base64; the file is damaged");
        }
        var key = keys.find(keyName).orElseThrow(() -> invalid("the licence is signed with key '" + keyName
                + "', which this installation does not trust; licences must come from your Kumo supplier"));
        if (!verifies(key, payload, signature)) {
            throw invalid("the licence's signature does not verify: the file was changed after it was issued, "
                    + "or it was not issued by your Kumo supplier");
        }
        JsonNode p;
        try {
            p = JSON.readTree(payload);
        } catch (IOException e) {
            throw invalid("the licence's payload is not JSON");
        }
        return fromPayload(p, keyName, text);
    }

    private static LicenceFile fromPayload(JsonNode p, String source, String text) {
        String uuid = p.path("uuid").asText("");
        if (!UUID.matcher(uuid).matches()) {
            throw invalid("the licence has no valid uuid");
        }
        String type = p.path("licenseType").asText("");
        Instant issued = instant(p, "issuedDate");
        Instant expires = instant(p, "expiredDate");
        if (!expires.isAfter(issued)) {
            throw invalid("licence " + uuid + " expires before it is issued");
        }
        String user = p.path("user").asText("");
        if (LicenceInventory.BASIC.equals(type)) {
            String edition = p.path("edition").asText("");
            if (!EDITIONS.contains(edition)) {
                throw invalid("platform licence " + uuid + " has edition '" + edition + "'; expected one of " + new TreeSet<>(EDITIONS));
            }
            String quotaType = p.path("quotaType").asText("");
            int quota = switch (quotaType) {
                case LicenceInventory.QUOTA_HOST -> p.path("hostNum").asInt(0);
                case LicenceInventory.QUOTA_CPU -> p.path("cpuNum").asInt(0);
                default -> throw invalid("platform licence " + uuid + " counts '" + quotaType + "'; expected host or cpu");
            };
            if (quota <= 0) {
                throw invalid("platform licence " + uuid + " licenses no capacity (" + quotaType + "Num must be at least 1)");
            }
            return new LicenceFile(uuid, user, type, edition, List.of(), quotaType, quota, issued, expires, 0, source, text);
        }
        if (TRIAL.equals(type)) {
            int days = p.path("trialDays").asInt(0);
            if (days <= 0) {
                throw invalid("trial grant " + uuid + " lasts no time (trialDays must be at least 1)");
            }
            return new LicenceFile(uuid, user, type, p.path("edition").asText("Enterprise"), modules(p, uuid), null, 0,
                    issued, expires, days, source, text);
        }
        if (LicenceInventory.ADD_ON.equals(type)) {
            return new LicenceFile(uuid, user, type, null, modules(p, uuid), null, 0, issued, expires, 0, source, text);
        }
        throw invalid("licence " + uuid + " has type '" + type + "'; expected Basic or AddOn");
    }

    private static List<String> modules(JsonNode p, String uuid) {
        List<String> modules = new ArrayList<>();
        p.path("modules").forEach(m -> modules.add(m.asText()));
        if (modules.isEmpty()) {
            throw invalid("module licence " + uuid + " names no module");
        }
        for (String m : modules) {
            if (!LicensedModules.ALL.contains(m)) {
                throw invalid("module licence " + uuid + " names module '" + m + "', which this Kumo does not know; known: "
                        + new TreeSet<>(LicensedModules.ALL));
            }
        }
        return List.copyOf(new TreeSet<>(modules));
    }

    /** @return true for the trial grant, started or not */
    public boolean isTrial() { return TRIAL.equals(licenseType); }

    /**
     * @param start when this installation's trial started (its first start)
     * @return the trial as a licence: issued at {@code start}, expiring {@code trialDays} later (or when the grant
     *         itself ends, if sooner)
     */
    public LicenceFile startedAt(Instant start) {
        if (!isTrial()) {
            throw new IllegalStateException("licence " + uuid + " is not a trial grant");
        }
        Instant end = start.plus(java.time.Duration.ofDays(trialDays));
        return new LicenceFile(uuid, user, licenseType, edition, modules, quotaType, quota, start,
                end.isBefore(expiredDate) ? end : expiredDate, trialDays, source, text);
    }

    /** @return true for a platform licence: a {@code Basic} licence or a started trial */
    public boolean isPlatform() { return LicenceInventory.BASIC.equals(licenseType) || isTrial(); }

    /** @param now the time @return true if it has expired at that time */
    public boolean isExpired(Instant now) { return !expiredDate.isAfter(now); }

    /**
     * Writes a signed licence file: the one way licences are issued (by the supplier's tooling, and by tests).
     *
     * @param payload the payload fields, as described on this class
     * @param keyName the signing key's name, as the verifying installation knows it
     * @param signer  an Ed25519 signature initialised with the private key
     * @return the file's text
     */
    public static String sign(Map<String, ?> payload, String keyName, Signature signer) {
        try {
            byte[] bytes = JSON.writeValueAsBytes(payload);
            signer.update(bytes);
            ObjectNode file = JSON.createObjectNode();
            file.put("format", FORMAT);
            file.put("key", keyName);
            file.put("payload", Base64.getEncoder().encodeToString(bytes));
            file.put("signature", Base64.getEncoder().encodeToString(signer.sign()));
            return JSON.writeValueAsString(file);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign the licence", e);
        }
    }

    private static boolean verifies(java.security.PublicKey key, byte[] payload, byte[] signature) {
        try {
            Signature v = Signature.getInstance("Ed25519");
            v.initVerify(key);
            v.update(payload);
            return v.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static Instant instant(JsonNode p, String field) {
        try {
            return Instant.parse(p.path(field).asText(""));
        } catch (DateTimeParseException e) {
            throw invalid("the licence's " + field + " is not an ISO-8601 instant");
        }
    }

    private static ApiException invalid(String message) {
        return new ApiException(LicenceService.INVALID_LICENCE, message);
    }
}
