package io.kumo.core.job;

import io.kumo.api.error.ApiException;
import io.kumo.core.identity.quota.QuotaCharges;
import io.kumo.core.identity.quota.QuotaManager;

import java.util.List;

/**
 * Lets a job keep what its quota checks granted only if the account stays within its limits counting every other
 * unfinished job's charges (see {@link QuotaManager}). The job's own charges are on record before this reads the
 * others', so of two concurrent jobs at least one sees the other and an account never goes over a limit.
 * <p>
 * Jobs racing for the last units would otherwise all see each other and all be refused. So a job that does not fit
 * with all the others, but would fit with those created before it, waits briefly for the later ones to give up and
 * looks again: the earliest requests get the units, the rest are refused.
 */
final class JobQuotaGate {
    private static final int ROUNDS = 5;
    private static final long BACKOFF_MILLIS = 25;

    private final JobStore store;
    private final QuotaManager quotas;

    JobQuotaGate(JobStore store, QuotaManager quotas) {
        this.store = store;
        this.quotas = quotas;
    }

    /** Runs work, gathering what its quota checks grant ({@link QuotaManager#collect}). */
    <X extends Exception> QuotaCharges collect(QuotaManager.Work<X> work) throws X { return quotas.collect(work); }

    /**
     * @param jobId   a job whose charges are recorded in its row
     * @param charged what it was just granted (all its charges, or those of its last step)
     * @throws ApiException {@code QUOTA_EXCEEDED} if the account would go over a limit
     */
    void confirm(String jobId, QuotaCharges charged) {
        for (int round = 1; ; round++) {
            List<JobStore.QuotaHold> holds = store.quotaHeldByUnfinishedJobs();
            JobStore.QuotaHold own = holds.stream().filter(h -> h.jobUuid().equals(jobId)).findFirst().orElse(null);
            QuotaCharges others = new QuotaCharges();
            QuotaCharges earlier = new QuotaCharges();
            for (JobStore.QuotaHold h : holds) {
                if (h != own) {
                    others.addAll(h.charges());
                    if (own == null || h.before(own)) {
                        earlier.addAll(h.charges());
                    }
                }
            }
            try {
                quotas.confirm(charged, others);
                return;
            } catch (ApiException refused) {
                if (round == ROUNDS || !fits(charged, earlier) || !pause(round)) {
                    throw refused;
                }
            }
        }
    }

    private boolean fits(QuotaCharges charged, QuotaCharges earlier) {
        try {
            quotas.confirm(charged, earlier);
            return true;
        } catch (ApiException e) {
            return false;
        }
    }

    private static boolean pause(int round) {
        try {
            Thread.sleep(BACKOFF_MILLIS * round);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
