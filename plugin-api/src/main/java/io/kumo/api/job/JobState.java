package io.kumo.api.job;

/** The life of a job. */
public enum JobState {
    /** Persisted, waiting for earlier jobs on the same key. */
    Waiting,
    /** Running its steps. */
    Running,
    /** A step failed and completed steps are being rolled back. */
    RollingBack,
    /** Every step completed. */
    Succeeded,
    /** A step failed (or the node crashed) and completed steps were rolled back. */
    Failed;

    /** @return true if the job will not change any more */
    public boolean finished() { return this == Succeeded || this == Failed; }
}
