package io.kumo.compute.console;

import io.kumo.api.hypervisor.ConsoleEndpoint;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Console access tokens of this management node: unguessable (256 random bits), short-lived and single-use, each bound
 * to the console endpoint of one VM. Held in memory: a token is redeemed at the proxy of the node that issued it.
 */
public class ConsoleTokens {
    /**
     * What a token grants.
     *
     * @param vmUuid    the VM
     * @param endpoint  where its console listens
     * @param expiresAt when the token stops being accepted (clock milliseconds)
     */
    public record Grant(String vmUuid, ConsoleEndpoint endpoint, long expiresAt) { }

    private final Map<String, Grant> grants = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final LongSupplier clock;

    /** Tokens on the system clock. */
    public ConsoleTokens() { this(System::currentTimeMillis); }

    /** @param clock milliseconds (tests) */
    public ConsoleTokens(LongSupplier clock) { this.clock = clock; }

    /**
     * @param vmUuid the VM @param endpoint its console @param ttlMillis how long the token is accepted
     * @return a new token
     */
    public String issue(String vmUuid, ConsoleEndpoint endpoint, long ttlMillis) {
        long now = clock.getAsLong();
        grants.values().removeIf(g -> g.expiresAt() <= now);
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        grants.put(token, new Grant(vmUuid, endpoint, now + ttlMillis));
        return token;
    }

    /**
     * Redeems a token: it is consumed whether valid or not.
     *
     * @param token a token @return its grant, or empty if unknown, already used or expired
     */
    public Optional<Grant> redeem(String token) {
        if (token == null) {
            return Optional.empty();
        }
        Grant g = grants.remove(token);
        return g == null || g.expiresAt() <= clock.getAsLong() ? Optional.empty() : Optional.of(g);
    }

    /** @return how many tokens are outstanding (tests) */
    int outstanding() { return grants.size(); }
}
