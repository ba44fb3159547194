package io.kumo.template;

import io.kumo.api.persistence.SchemaService;

import java.util.Objects;

/**
 * Brings the plugin's tables up to date before its store is used: the Blueprint file creates this bean first
 * ({@code init-method="migrate"}) and the store {@code depends-on} it. A failed migration fails the plugin's start.
 */
public class GreetingSchema {
    /** The plugin's changelog on its class path. */
    public static final String CHANGELOG = "db/changelog/kumo-plugin-template.xml";

    private final SchemaService schema;

    /** @param schema the kernel's schema service (Liquibase on Kumo's database, safe with several nodes) */
    public GreetingSchema(SchemaService schema) { this.schema = Objects.requireNonNull(schema, "schema"); }

    /** Applies the changeSets not yet applied. @throws Exception if the migration fails */
    public void migrate() throws Exception {
        schema.migrate(GreetingSchema.class.getClassLoader(), CHANGELOG);
    }
}
