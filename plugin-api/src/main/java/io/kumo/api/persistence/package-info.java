/**
 * Database schema services for modules that persist their own entities.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package io.kumo.api.persistence;
