package io.kumo.core.identity.quota;

import io.kumo.api.config.GlobalConfigService;
import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.identity.QuotaService;
import io.kumo.api.identity.QuotaUsageProvider;
import io.kumo.api.operation.Caller;
import io.kumo.core.identity.IdentityStore;
import io.kumo.core.session.AccountEntity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Quotas of accounts: limits are an account's own values ({@code UpdateQuota}), else the defaults (global
 * configurations {@code quota.<name>}); usage comes from the {@link QuotaUsageProvider}s of the modules. The admin
 * account is never limited.
 * <p>
 * {@link #check} reads current usage, so on its own two concurrent requests of one account could both take the last
 * unit. The job engine closes that gap: it runs a job's checks inside {@link #collect}, which gathers what they
 * granted; it stores those charges with the job, and then {@link #confirm}s them against usage plus what the account's
 * other unfinished jobs hold. Each job writes its charges before it reads the others', so of two concurrent jobs at
 * least one sees the other: an account never goes over a limit ({@code JobQuotaGate} lets the earliest of racing
 * requests through).
 */
public class QuotaManager implements QuotaService {
    private final QuotaStore store;
    private final IdentityStore identities;
    private final GlobalConfigService configs;
    private final List<QuotaUsageProvider> providers = new CopyOnWriteArrayList<>();
    /** Charges granted by {@link #check} on this thread while {@link #collect} runs work. */
    private final ThreadLocal<QuotaCharges> collecting = new ThreadLocal<>();

    /** Work whose quota checks {@link #collect} gathers: an operation's {@code check()} or a job step. */
    @FunctionalInterface
    public interface Work<X extends Exception> {
        /** Does the work. */
        void run() throws X;
    }

    /** Wires the manager. */
    public QuotaManager(QuotaStore store, IdentityStore identities, GlobalConfigService configs) {
        this.store = store;
        this.identities = identities;
        this.configs = configs;
    }

    /** Blueprint bind: a module's quotas become known. */
    public void bind(QuotaUsageProvider provider) {
        if (provider != null && !providers.contains(provider)) {
            providers.add(provider);
        }
    }

    /** Blueprint unbind: the module's quotas are no longer checked nor shown (their values stay stored). */
    public void unbind(QuotaUsageProvider provider) { providers.remove(provider); }

    @Override
    public List<String> names() {
        TreeSet<String> names = new TreeSet<>();
        providers.forEach(p -> names.addAll(p.names()));
        return List.copyOf(names);
    }

    @Override
    public long limit(String accountUuid, String name) {
        if (Caller.ADMIN_ACCOUNT_UUID.equals(accountUuid)) {
            return Long.MAX_VALUE;
        }
        QuotaEntity own = store.find(accountUuid, name);
        if (own != null) {
            return own.getValue();
        }
        try {
            return configs.longValue(CONFIG_CATEGORY, name);
        } catch (ApiException | NumberFormatException e) {
            return Long.MAX_VALUE; // a module declaring a quota without a default: unlimited until a value is set
        }
    }

    @Override
    public void check(String accountUuid, Map<String, Long> additions) {
        if (accountUuid == null || Caller.ADMIN_ACCOUNT_UUID.equals(accountUuid)) {
            return;
        }
        Map<String, Long> granted = require(accountUuid, additions, Map.of());
        QuotaCharges charges = collecting.get();
        if (charges != null) {
            granted.forEach((name, asked) -> charges.add(accountUuid, name, asked));
        }
    }

    /**
     * Runs work and gathers what the {@link #check}s it makes on this thread grant. Calls nest: an inner call's
     * charges are its own.
     *
     * @return the charges granted; empty when nothing limited was asked
     * @throws X what the work throws (a refusal among them)
     */
    public <X extends Exception> QuotaCharges collect(Work<X> work) throws X {
        QuotaCharges outer = collecting.get();
        QuotaCharges charges = new QuotaCharges();
        collecting.set(charges);
        try {
            work.run();
        } finally {
            if (outer == null) {
                collecting.remove();
            } else {
                collecting.set(outer);
            }
        }
        return charges;
    }

    /**
     * Checks charges again once they are on record, counting what other requests still running hold.
     *
     * @param charged what this request was granted (from {@link #collect})
     * @param pending what the other unfinished requests were granted, read <em>after</em> this request's charges were
     *                recorded and before this call
     * @throws ApiException {@code QUOTA_EXCEEDED} naming the quota, its usage and what is held by the other requests
     */
    public void confirm(QuotaCharges charged, QuotaCharges pending) {
        for (String account : charged.accounts()) {
            if (!Caller.ADMIN_ACCOUNT_UUID.equals(account)) {
                require(account, charged.of(account), pending.of(account));
            }
        }
    }

    /** @return the additions that quotas limit, after checking each against limit, usage and pending */
    private Map<String, Long> require(String accountUuid, Map<String, Long> additions, Map<String, Long> pending) {
        Map<String, Long> granted = new TreeMap<>();
        for (QuotaUsageProvider p : providers) {
            if (p.names().stream().noneMatch(n -> additions.getOrDefault(n, 0L) > 0)) {
                continue;
            }
            Map<String, Long> usage = p.usage(accountUuid);
            for (String name : new TreeSet<>(p.names())) {
                long asked = additions.getOrDefault(name, 0L);
                if (asked > 0) {
                    QuotaLimits.require(name, accountUuid, limit(accountUuid, name), usage.getOrDefault(name, 0L),
                            pending.getOrDefault(name, 0L), asked);
                    granted.put(name, asked);
                }
            }
        }
        return granted;
    }

    /** @param accountUuid an account @return each quota's limit and usage, sorted by name */
    public List<QuotaUsage> usages(String accountUuid) {
        requireAccount(accountUuid);
        List<QuotaUsage> usages = new ArrayList<>();
        for (QuotaUsageProvider p : providers) {
            Map<String, Long> usage = p.usage(accountUuid);
            p.names().forEach(n -> usages.add(new QuotaUsage(n, limit(accountUuid, n), usage.getOrDefault(n, 0L))));
        }
        usages.sort((a, b) -> a.name().compareTo(b.name()));
        return usages;
    }

    /** Sets an account's own limit for a quota. @return the quota row */
    public QuotaInventory update(String accountUuid, String name, long value) {
        AccountEntity a = requireAccount(accountUuid);
        if (Caller.ADMIN_ACCOUNT_UUID.equals(a.getUuid()) || "SystemAdmin".equals(a.getType())) {
            throw ApiException.invalidArgument("the admin account is never limited by quotas; give the uuid of a normal account");
        }
        if (!names().contains(name)) {
            throw ApiException.invalidArgument("no quota named " + name + "; the quotas are " + names()
                    + " (a quota exists only while the module measuring it is installed)");
        }
        if (value < 0) {
            throw ApiException.invalidArgument("a quota value is 0 or more, not " + value);
        }
        return store.set(accountUuid, name, value);
    }

    private AccountEntity requireAccount(String accountUuid) {
        AccountEntity a = identities.find(AccountEntity.class, accountUuid);
        if (a == null) {
            throw new ApiException(ErrorCode.RESOURCE_NOT_FOUND, "no account " + accountUuid + "; list accounts with GET /zstack/v1/accounts");
        }
        return a;
    }
}
