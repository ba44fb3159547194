/**
 * Persisted asynchronous jobs made of steps with rollback.
 */
@org.osgi.annotation.versioning.Version("1.1.0")
package io.kumo.api.job;
