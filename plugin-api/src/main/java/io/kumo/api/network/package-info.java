/**
 * L2 and L3 networks, IP ranges and IP address management.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package io.kumo.api.network;
