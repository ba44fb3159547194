package io.kumo.core.licence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The Ed25519 public keys this installation accepts licences from, by name: the Kumo release key that ships in this
 * bundle ({@value #RELEASE_KEY_NAME}), plus any configured in {@code etc/io.kumo.core.cfg} as
 * {@code licence.extraKeys = name:base64,...} (development and CI only; the log says when there are any).
 */
public final class TrustedKeys {
    /** The name of the release key, as licence files name it. */
    public static final String RELEASE_KEY_NAME = "kumo";
    private static final String RELEASE_KEY_RESOURCE = "/io/kumo/core/licence/kumo-licence-key.pub";

    private final Map<String, PublicKey> keys;

    private TrustedKeys(Map<String, PublicKey> keys) { this.keys = Map.copyOf(keys); }

    /**
     * @param extraKeys {@code name:base64 X.509 key,...}, or blank for none
     * @return the release key plus the extra keys
     * @throws IllegalArgumentException if an extra key is malformed or reuses a name
     */
    public static TrustedKeys releaseKeyAnd(String extraKeys) {
        Map<String, PublicKey> keys = new LinkedHashMap<>();
        keys.put(RELEASE_KEY_NAME, decode(releaseKeyText()));
        if (extraKeys != null && !extraKeys.isBlank()) {
            for (String entry : extraKeys.split(",")) {
                int colon = entry.indexOf(':');
                if (colon <= 0) {
                    throw new IllegalArgumentException("licence.extraKeys: expected name:base64, got '" + entry.trim() + "'");
                }
                String name = entry.substring(0, colon).trim();
                if (keys.putIfAbsent(name, decode(entry.substring(colon + 1).trim())) != null) {
                    throw new IllegalArgumentException("licence.extraKeys: the key name '" + name + "' is already taken");
                }
            }
        }
        return new TrustedKeys(keys);
    }

    /** @param keys the keys by name @return exactly these keys (tests) */
    public static TrustedKeys of(Map<String, PublicKey> keys) { return new TrustedKeys(keys); }

    /** @param name a key name @return the key, if trusted */
    public Optional<PublicKey> find(String name) { return Optional.ofNullable(keys.get(name)); }

    /** @return how many keys besides the release key are trusted */
    public int extraKeyCount() { return (int) keys.keySet().stream().filter(k -> !k.equals(RELEASE_KEY_NAME)).count(); }

    /** @param key a public key @return its base64 X.509 form, as {@code licence.extraKeys} takes it */
    public static String encode(PublicKey key) { return Base64.getEncoder().encodeToString(key.getEncoded()); }

    private static String releaseKeyText() {
        try (InputStream in = TrustedKeys.class.getResourceAsStream(RELEASE_KEY_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the release key " + RELEASE_KEY_RESOURCE + " is missing from the bundle");
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the release key", e);
        }
    }

    private static PublicKey decode(String base64) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a base64 X.509 Ed25519 public key: " + e.getMessage(), e);
        }
    }
}
