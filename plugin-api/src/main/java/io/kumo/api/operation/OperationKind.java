package io.kumo.api.operation;

/** What an operation does, which decides its default REST shape and whether it mutates state. */
public enum OperationKind {
    /** Reads resources: {@code GET /<resources>} with query conditions. */
    QUERY(false),
    /** Reads one thing or computes something without changing state. */
    READ(false),
    /** Creates a resource: {@code POST /<resources>}. */
    CREATE(true),
    /** Changes a resource: {@code PUT /<resources>/{uuid}/actions}. */
    ACTION(true),
    /** Deletes a resource: {@code DELETE /<resources>/{uuid}}. */
    DELETE(true);

    private final boolean mutating;

    OperationKind(boolean mutating) { this.mutating = mutating; }

    /** @return true if operations of this kind change state */
    public boolean mutating() { return mutating; }
}
