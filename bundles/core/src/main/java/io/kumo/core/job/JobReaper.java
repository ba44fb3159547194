package io.kumo.core.job;

import io.kumo.api.config.GlobalConfigService;
import io.kumo.core.config.CoreGlobalConfigs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Timestamp;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Deletes finished jobs older than {@code api.jobRetentionHours}, every ten minutes. */
public class JobReaper {
    private static final Logger LOG = LoggerFactory.getLogger(JobReaper.class);
    private final JobStore store;
    private final GlobalConfigService config;
    private ScheduledExecutorService scheduler;

    /** Wires the reaper. */
    public JobReaper(JobStore store, GlobalConfigService config) {
        this.store = store;
        this.config = config;
    }

    /** Starts the schedule. */
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kumo-job-reaper");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::reap, 1, 10, TimeUnit.MINUTES);
    }

    /** Stops the schedule. */
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    void reap() {
        try {
            long hours = config.longValue(CoreGlobalConfigs.API, CoreGlobalConfigs.JOB_RETENTION_HOURS);
            int n = store.deleteFinishedBefore(new Timestamp(System.currentTimeMillis() - hours * 3_600_000L));
            if (n > 0) {
                LOG.info("deleted {} finished job(s) older than {} h", n, hours);
            }
        } catch (RuntimeException e) {
            LOG.warn("could not delete old jobs; will retry", e);
        }
    }
}
