package io.kumo.compute.console;

import io.kumo.api.hypervisor.ConsoleEndpoint;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConsoleTokensTest {
    private final AtomicLong now = new AtomicLong(1_000);
    private final ConsoleTokens tokens = new ConsoleTokens(now::get);
    private final ConsoleEndpoint endpoint = new ConsoleEndpoint("vnc", "127.0.0.1", 5900);

    @Test
    void aTokenIsRedeemedOnce() {
        String t = tokens.issue("vm1", endpoint, 60_000);
        assertEquals("vm1", tokens.redeem(t).orElseThrow().vmUuid());
        assertTrue(tokens.redeem(t).isEmpty());
    }

    @Test
    void anExpiredTokenIsRefusedAndForgotten() {
        String t = tokens.issue("vm1", endpoint, 60_000);
        now.addAndGet(60_000);
        assertTrue(tokens.redeem(t).isEmpty());
        tokens.issue("vm2", endpoint, 10);
        now.addAndGet(10);
        tokens.issue("vm3", endpoint, 10);
        assertEquals(1, tokens.outstanding(), "expired tokens are purged when new ones are issued");
    }

    @Test
    void unknownTokensAreRefusedAndTokensAreUnguessable() {
        assertTrue(tokens.redeem(null).isEmpty());
        assertTrue(tokens.redeem("nope").isEmpty());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String t = tokens.issue("vm", endpoint, 1000);
            assertTrue(t.length() >= 43, t);
            assertTrue(seen.add(t));
        }
    }
}
