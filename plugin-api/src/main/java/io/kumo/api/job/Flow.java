package io.kumo.api.job;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An ordered list of {@link Step}s run as one job: if a step fails, the completed steps are rolled back in reverse
 * order and the job fails with an error naming the step.
 */
public final class Flow {
    private final String name;
    private final List<Step> steps;

    private Flow(String name, List<Step> steps) {
        this.name = name;
        this.steps = List.copyOf(steps);
    }

    /** @param name the flow name, usually the operation name @return a builder */
    public static Builder named(String name) { return new Builder(name); }

    /** @return the flow name */
    public String name() { return name; }

    /** @return the steps in run order */
    public List<Step> steps() { return steps; }

    /** @param stepName a step name @return its index, or -1 */
    public int indexOf(String stepName) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).name().equals(stepName)) {
                return i;
            }
        }
        return -1;
    }

    /** Builds a {@link Flow}. */
    public static final class Builder {
        private final String name;
        private final List<Step> steps = new ArrayList<>();
        private final Set<String> names = new HashSet<>();

        private Builder(String name) { this.name = Objects.requireNonNull(name); }

        /** @param step the next step; names must be unique @return this */
        public Builder step(Step step) {
            if (!names.add(step.name())) {
                throw new IllegalArgumentException("duplicate step " + step.name() + " in flow " + name);
            }
            steps.add(step);
            return this;
        }

        /** @param stepName name @param run body @param rollback undo @return this */
        public Builder step(String stepName, Step.Action run, Step.Action rollback) { return step(Step.of(stepName, run, rollback)); }

        /** @param stepName name @param run body @return this */
        public Builder step(String stepName, Step.Action run) { return step(Step.of(stepName, run)); }

        /** @return the flow @throws IllegalStateException if it has no step */
        public Flow build() {
            if (steps.isEmpty()) {
                throw new IllegalStateException("flow " + name + " has no step");
            }
            return new Flow(name, steps);
        }
    }
}
