package io.kumo.core.login;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RFC 6238 appendix B vectors (SHA1, 8 digits, seed "12345678901234567890") and the ±1 step window. */
class TotpTest {
    private static final byte[] SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    void rfc6238Vectors() {
        long[][] v = {{59, 94287082}, {1111111109, 7081804}, {1111111111, 14050471}, {1234567890, 89005924},
                {2000000000, 69279037}, {20000000000L, 65353130}};
        for (long[] t : v) {
            assertEquals(String.format("%08d", t[1]), Totp.code(SEED, Totp.step(t[0]), 8, "HmacSHA1"), "T=" + t[0]);
        }
    }

    @Test
    void sixDigitCodeIsTheLastSixOfTheVector() {
        String secret = Totp.base32(SEED);
        assertEquals("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", secret);
        assertEquals("287082", Totp.code(secret, Totp.step(59)));
    }

    @Test
    void acceptsOneStepEitherSideOnly() {
        String secret = Totp.newSecret();
        long now = 1_700_000_000L;
        long s = Totp.step(now);
        assertEquals(s - 1, Totp.matchingStep(secret, Totp.code(secret, s - 1), now));
        assertEquals(s + 1, Totp.matchingStep(secret, Totp.code(secret, s + 1), now));
        String far = Totp.code(secret, s - 3);
        if (!far.equals(Totp.code(secret, s - 1)) && !far.equals(Totp.code(secret, s)) && !far.equals(Totp.code(secret, s + 1))) {
            assertEquals(-1, Totp.matchingStep(secret, far, now));
        }
        assertEquals(-1, Totp.matchingStep(secret, "12a456", now));
        assertEquals(-1, Totp.matchingStep(secret, null, now));
    }

    @Test
    void uriNamesIssuerAndSecret() {
        String uri = Totp.uri("alice", "ABC");
        assertTrue(uri.startsWith("otpauth://totp/Kumo:alice?secret=ABC&issuer=Kumo"), uri);
    }
}
