package io.kumo.core.session;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordHasherTest {

    @Test
    void sha512HexIsWhatZStackClientsSend() {
        assertEquals("b109f3bbbc244eb82441917ed06d618b9008dd09b3befd1b5e07394c706a8bb980b1d7785e5976ec049b46df5f1326af5a2ea6d103fd07c95385ffab0cacbc86",
                PasswordHasher.sha512Hex("password"));
    }

    @Test
    void aHashMatchesItsInputOnly() {
        String sent = PasswordHasher.sha512Hex("s3cret!");
        String stored = PasswordHasher.hash(sent);
        assertTrue(PasswordHasher.matches(sent, stored));
        assertFalse(PasswordHasher.matches(PasswordHasher.sha512Hex("s3cret"), stored));
        assertFalse(PasswordHasher.matches(sent.toUpperCase(), stored));
        assertFalse(PasswordHasher.matches("", stored));
    }

    @Test
    void hashesAreSaltedSlowAndNeverContainTheInput() {
        String sent = PasswordHasher.sha512Hex("password");
        String a = PasswordHasher.hash(sent);
        String b = PasswordHasher.hash(sent);
        assertNotEquals(a, b, "a random salt per hash");
        assertTrue(PasswordHasher.matches(sent, a));
        assertTrue(PasswordHasher.matches(sent, b));
        for (String input : new String[] {sent, "plain-text password!", "password"}) {
            String stored = PasswordHasher.hash(input);
            assertFalse(stored.contains(input), "the stored form contains the input: " + stored);
            assertTrue(stored.startsWith("pbkdf2-sha256$"), stored);
            assertTrue(Integer.parseInt(stored.split("\\$")[1]) >= 10_000, "enough iterations");
        }
    }

    @Test
    void malformedStoredFormsNeverMatch() {
        String sent = PasswordHasher.sha512Hex("password");
        assertFalse(PasswordHasher.matches(sent, sent), "a stored clear value is not accepted");
        assertFalse(PasswordHasher.matches(sent, ""));
        assertFalse(PasswordHasher.matches(sent, "md5$1$AAAA$BBBB"));
        assertFalse(PasswordHasher.matches(sent, "pbkdf2-sha256$1$AAAA"));
    }
}
