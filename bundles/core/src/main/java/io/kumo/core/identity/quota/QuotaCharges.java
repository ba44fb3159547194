package io.kumo.core.identity.quota;

import io.kumo.core.json.Json;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Amounts of quotas granted to requests, per account and quota name, e.g. {@code {"<account>":{"vm.num":1}}}. A job
 * holds its charges (as JSON in its row) until it finishes; the sum of other jobs' charges is what
 * {@link QuotaManager#confirm} counts as pending. Not thread-safe: one request builds it.
 */
public final class QuotaCharges {
    private final Map<String, Map<String, Long>> amounts = new TreeMap<>();

    /** @return charges read from {@link #toJson()}'s text; empty for null or blank */
    public static QuotaCharges fromJson(String json) {
        QuotaCharges charges = new QuotaCharges();
        Json.readMap(json).forEach((account, names) -> {
            if (names instanceof Map<?, ?> m) {
                m.forEach((name, amount) -> {
                    if (amount instanceof Number n) {
                        charges.add(account, String.valueOf(name), n.longValue());
                    }
                });
            }
        });
        return charges;
    }

    /** @return charges of one account */
    public static QuotaCharges of(String accountUuid, Map<String, Long> amounts) {
        QuotaCharges charges = new QuotaCharges();
        amounts.forEach((name, amount) -> charges.add(accountUuid, name, amount));
        return charges;
    }

    /** Adds an amount of a quota to an account's charges. */
    public void add(String accountUuid, String name, long amount) {
        amounts.computeIfAbsent(accountUuid, a -> new TreeMap<>()).merge(name, amount, Long::sum);
    }

    /** Adds all of other's charges to these. @return this */
    public QuotaCharges addAll(QuotaCharges other) {
        other.amounts.forEach((account, names) -> names.forEach((name, amount) -> add(account, name, amount)));
        return this;
    }

    /** @return the accounts charged */
    public Set<String> accounts() { return Set.copyOf(amounts.keySet()); }

    /** @return quota name to amount charged to that account; empty if none */
    public Map<String, Long> of(String accountUuid) { return Map.copyOf(amounts.getOrDefault(accountUuid, Map.of())); }

    /** @return whether nothing is charged */
    public boolean isEmpty() { return amounts.isEmpty(); }

    /** @return the JSON text kept in a job row, or null when nothing is charged */
    public String toJson() { return amounts.isEmpty() ? null : Json.write(amounts); }

    @Override public boolean equals(Object o) { return o instanceof QuotaCharges c && c.amounts.equals(amounts); }
    @Override public int hashCode() { return amounts.hashCode(); }
    @Override public String toString() { return amounts.toString(); }
}
