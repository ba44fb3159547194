/**
 * The message bus over which operations and events travel between management nodes.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package io.kumo.api.bus;
