/**
 * Zones: the top-level grouping of clusters, storage and networks.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package io.kumo.api.zone;
