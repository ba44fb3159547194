package io.kumo.core.testing;

import io.kumo.api.identity.QuotaUsageProvider;
import io.kumo.core.session.AccountEntity;

import java.sql.Timestamp;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** What quota tests share: accounts to limit and a usage the test sets. */
public final class QuotaFixtures {
    private QuotaFixtures() { }

    /** A module's usage of {@code vm.num} and {@code vm.memorySize}, which the test (or its jobs' steps) sets. */
    public static final class FakeUsage implements QuotaUsageProvider {
        /** Quota name to usage, the same for every account. */
        public final Map<String, Long> used = new ConcurrentHashMap<>(Map.of("vm.num", 0L, "vm.memorySize", 0L));
        @Override public Set<String> names() { return Set.of("vm.num", "vm.memorySize"); }
        @Override public Map<String, Long> usage(String accountUuid) { return Map.copyOf(used); }
    }

    /** @return an account row to persist ({@code type}: Normal or SystemAdmin) */
    public static AccountEntity account(String uuid, String name, String type) {
        AccountEntity a = new AccountEntity();
        a.setUuid(uuid);
        a.setName(name);
        a.setType(type);
        a.setPasswordHash("pbkdf2-sha256$1$AAAA$BBBB");
        a.setCreateDate(new Timestamp(System.currentTimeMillis()));
        a.setLastOpDate(a.getCreateDate());
        return a;
    }
}
