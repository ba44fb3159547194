/**
 * Hosts and their capacity, and the service that reserves it.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package io.kumo.api.host;
