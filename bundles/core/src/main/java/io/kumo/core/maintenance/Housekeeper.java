package io.kumo.core.maintenance;

import io.kumo.api.config.GlobalConfigService;
import io.kumo.core.audit.AuditGlobalConfigs;
import io.kumo.core.audit.AuditStore;
import io.kumo.core.config.CoreGlobalConfigs;
import io.kumo.core.job.JobStore;
import io.kumo.core.licence.LicenceReminder;
import io.kumo.core.session.SessionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Timestamp;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The node's periodic clean-up, one thread for all of it: finished jobs older than {@code api.jobRetentionHours},
 * expired sessions (in the database and in the authentication cache), audit records older than
 * {@code audit.retentionDays}, and licence expiry reminders. Runs a minute
 * after start, then every ten.
 */
public class Housekeeper {
    private static final Logger LOG = LoggerFactory.getLogger(Housekeeper.class);
    private final JobStore jobs;
    private final SessionManager sessions;
    private final GlobalConfigService config;
    private final LicenceReminder licenceReminder;
    private volatile AuditStore audits;
    private ScheduledExecutorService scheduler;

    /** Wires the housekeeper. */
    public Housekeeper(JobStore jobs, SessionManager sessions, GlobalConfigService config, LicenceReminder licenceReminder) {
        this.jobs = jobs;
        this.sessions = sessions;
        this.config = config;
        this.licenceReminder = licenceReminder;
    }

    /** @param audits the audit log, whose records older than {@code audit.retentionDays} are deleted; null for none */
    public void setAuditStore(AuditStore audits) { this.audits = audits; }

    /** Starts the schedule. */
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kumo-housekeeper");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::run, 1, 10, TimeUnit.MINUTES);
    }

    /** Stops the schedule. */
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    /** One round of clean-up; each part failing alone is retried next round. */
    public void run() {
        try {
            long hours = config.longValue(CoreGlobalConfigs.API, CoreGlobalConfigs.JOB_RETENTION_HOURS);
            int n = jobs.deleteFinishedBefore(new Timestamp(System.currentTimeMillis() - hours * 3_600_000L));
            if (n > 0) {
                LOG.info("deleted {} finished job(s) older than {} h", n, hours);
            }
        } catch (RuntimeException e) {
            LOG.warn("could not delete old jobs; will retry", e);
        }
        try {
            int n = sessions.purgeExpired();
            if (n > 0) {
                LOG.info("deleted {} expired session(s)", n);
            }
        } catch (RuntimeException e) {
            LOG.warn("could not delete expired sessions; will retry", e);
        }
        AuditStore a = audits;
        if (a != null) {
            try {
                long days = config.longValue(AuditGlobalConfigs.AUDIT, AuditGlobalConfigs.RETENTION_DAYS);
                int n = a.deleteBefore(new Timestamp(System.currentTimeMillis() - days * 86_400_000L));
                if (n > 0) {
                    LOG.info("deleted {} audit record(s) older than {} days", n, days);
                }
            } catch (RuntimeException e) {
                LOG.warn("could not delete old audit records; will retry", e);
            }
        }
        try {
            licenceReminder.run();
        } catch (RuntimeException e) {
            LOG.warn("could not check licence expiry; will retry", e);
        }
    }
}
