package io.kumo.core.login;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

/** RFC 6238 time-based one-time passwords: HMAC-SHA1, 30-second steps, 6 digits; secrets in Base32 (RFC 4648). */
public final class Totp {
    /** Seconds per time step. */
    public static final int STEP_SECONDS = 30;
    /** Digits of a code. */
    public static final int DIGITS = 6;
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Totp() { }

    /** @return a new random 160-bit secret, Base32 without padding */
    public static String newSecret() {
        byte[] b = new byte[20];
        RANDOM.nextBytes(b);
        return base32(b);
    }

    /** @param epochSeconds a time @return its time step */
    public static long step(long epochSeconds) { return Math.floorDiv(epochSeconds, STEP_SECONDS); }

    /**
     * @param key    the raw secret
     * @param step   the time step
     * @param digits how many digits
     * @return the code of that step, zero-padded
     */
    public static String code(byte[] key, long step, int digits, String algorithm) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            byte[] h = mac.doFinal(java.nio.ByteBuffer.allocate(8).putLong(step).array());
            int off = h[h.length - 1] & 0x0f;
            int bin = ((h[off] & 0x7f) << 24) | ((h[off + 1] & 0xff) << 16) | ((h[off + 2] & 0xff) << 8) | (h[off + 3] & 0xff);
            int mod = (int) Math.pow(10, digits);
            return String.format("%0" + digits + "d", bin % mod);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @param base32Secret a secret @param step a time step @return the 6-digit HMAC-SHA1 code of that step */
    public static String code(String base32Secret, long step) {
        return code(decodeBase32(base32Secret), step, DIGITS, "HmacSHA1");
    }

    /**
     * @param base32Secret the secret
     * @param code         what the user typed
     * @param nowSeconds   the time
     * @return the matching step within ±1 step of now, or -1 if the code matches none
     */
    public static long matchingStep(String base32Secret, String code, long nowSeconds) {
        if (code == null || !code.matches("\\d{" + DIGITS + "}")) {
            return -1;
        }
        long now = step(nowSeconds);
        for (long s = now - 1; s <= now + 1; s++) {
            if (java.security.MessageDigest.isEqual(code(base32Secret, s).getBytes(), code.getBytes())) {
                return s;
            }
        }
        return -1;
    }

    /** @param accountLabel the label shown by the authenticator app @param secret the secret @return the otpauth URI */
    public static String uri(String accountLabel, String secret) {
        String label = java.net.URLEncoder.encode(accountLabel, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
        return "otpauth://totp/Kumo:" + label + "?secret=" + secret + "&issuer=Kumo&algorithm=SHA1&digits=" + DIGITS
                + "&period=" + STEP_SECONDS;
    }

    static String base32(byte[] data) {
        StringBuilder sb = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : data) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                sb.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            sb.append(BASE32.charAt((buffer << (5 - bits)) & 31));
        }
        return sb.toString();
    }

    static byte[] decodeBase32(String s) {
        String in = s.replace("=", "").replace(" ", "").toUpperCase();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : in.toCharArray()) {
            int v = BASE32.indexOf(c);
            if (v < 0) {
                throw new IllegalArgumentException("not Base32");
            }
            buffer = (buffer << 5) | v;
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }
}
