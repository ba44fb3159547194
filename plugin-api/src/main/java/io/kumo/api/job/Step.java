package io.kumo.api.job;

/**
 * One step of a {@link Flow}: something done with a way to undo it. Steps record what rollback needs in the
 * {@link StepContext}, which is persisted after every step so that rollback also works after a crash.
 */
public interface Step {
    /** @return the step name, unique in its flow; shown in progress and in errors */
    String name();

    /**
     * Does the step's work.
     *
     * @param ctx the job context
     * @throws Exception to fail the job; completed steps are then rolled back in reverse order
     */
    void run(StepContext ctx) throws Exception;

    /**
     * Undoes {@link #run}. When a step fails, it and every step before it are rolled back in reverse order; after a
     * crash, the step that was running and every step before it are. So rollback must be idempotent and must cope
     * with a run that did only part of its work (or none).
     *
     * @param ctx the job context, as the step left it
     * @throws Exception logged; rollback continues with the previous step
     */
    default void rollback(StepContext ctx) throws Exception { }

    /** The body of a step. */
    @FunctionalInterface
    interface Action {
        /** @param ctx the job context @throws Exception on failure */
        void apply(StepContext ctx) throws Exception;
    }

    /**
     * @param name     the step name
     * @param run      what it does
     * @param rollback how it is undone
     * @return a step
     */
    static Step of(String name, Action run, Action rollback) {
        return new Step() {
            @Override public String name() { return name; }
            @Override public void run(StepContext ctx) throws Exception { run.apply(ctx); }
            @Override public void rollback(StepContext ctx) throws Exception { rollback.apply(ctx); }
        };
    }

    /** @param name the step name @param run what it does @return a step with nothing to undo */
    static Step of(String name, Action run) {
        return of(name, run, ctx -> { });
    }
}
