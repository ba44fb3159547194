package io.kumo.core.identity.ldap;

import io.kumo.api.config.GlobalConfigService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link LdapManager#cleanInvalidBindings()} every {@code ldap.cleanInvalidBindingInterval} seconds (never when
 * 0). Checks the setting every ten seconds, so that a change applies without a restart.
 */
public class LdapBindingCleaner {
    private static final Logger LOG = LoggerFactory.getLogger(LdapBindingCleaner.class);
    private final LdapManager ldap;
    private final GlobalConfigService config;
    private ScheduledExecutorService scheduler;
    private volatile long lastRun = System.currentTimeMillis();

    /** Wires the cleaner. */
    public LdapBindingCleaner(LdapManager ldap, GlobalConfigService config) {
        this.ldap = ldap;
        this.config = config;
    }

    /** Starts the schedule. */
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kumo-ldap-binding-cleaner");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::tick, 10, 10, TimeUnit.SECONDS);
    }

    /** Stops the schedule. */
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    void tick() {
        try {
            long interval = config.longValue(LdapGlobalConfigs.CATEGORY, LdapGlobalConfigs.CLEAN_INVALID_BINDING_INTERVAL);
            long now = System.currentTimeMillis();
            if (interval <= 0 || now - lastRun < interval * 1000) {
                return;
            }
            lastRun = now;
            int n = ldap.cleanInvalidBindings().size();
            if (n > 0) {
                LOG.info("deleted {} LDAP binding(s) whose user is gone", n);
            }
        } catch (RuntimeException e) {
            LOG.warn("could not clean invalid LDAP bindings; will retry", e);
        }
    }
}
