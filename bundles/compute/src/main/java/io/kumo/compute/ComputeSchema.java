package io.kumo.compute;

import io.kumo.api.persistence.SchemaService;

/** Brings the compute tables up to date (db/changelog/kumo-compute.xml) before any compute store is used. */
public class ComputeSchema {
    /** The compute changelog on this bundle's class path. */
    public static final String CHANGELOG = "db/changelog/kumo-compute.xml";

    private final SchemaService schema;

    /** @param schema the kernel's schema service */
    public ComputeSchema(SchemaService schema) { this.schema = schema; }

    /** Applies the change sets not yet applied. */
    public void migrate() throws Exception {
        schema.migrate(ComputeSchema.class.getClassLoader(), CHANGELOG);
    }
}
