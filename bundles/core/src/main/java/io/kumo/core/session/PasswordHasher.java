package io.kumo.core.session;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Stores what clients send (the SHA-512 hex of the password, as ZStack clients do) as a salted, slow PBKDF2 hash;
 * the value itself is never stored.
 */
public final class PasswordHasher {
    private static final int ITERATIONS = 60_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordHasher() { }

    /** @param clear a clear-text password @return its SHA-512 hex, as clients send it */
    public static String sha512Hex(String clear) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(clear.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @param sent the value the client sends @return the stored form */
    public static String hash(String sent) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return "pbkdf2-sha256$" + ITERATIONS + "$" + Base64.getEncoder().encodeToString(salt) + "$"
                + Base64.getEncoder().encodeToString(derive(sent, salt, ITERATIONS));
    }

    /** @param sent the value the client sends @param stored the stored form @return true if they match */
    public static boolean matches(String sent, String stored) {
        String[] p = stored.split("\\$");
        if (p.length != 4 || !p[0].equals("pbkdf2-sha256")) {
            return false;
        }
        byte[] expected = Base64.getDecoder().decode(p[3]);
        byte[] actual = derive(sent, Base64.getDecoder().decode(p[2]), Integer.parseInt(p[1]));
        return MessageDigest.isEqual(expected, actual);
    }

    private static byte[] derive(String sent, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(sent.toCharArray(), salt, iterations, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
