/**
 * Global configuration: typed, validated settings with documented defaults, applied live.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package io.kumo.api.config;
