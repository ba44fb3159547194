/**
 * Resource events (created, updated, deleted, state changed) published on the message bus.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package io.kumo.api.event;
