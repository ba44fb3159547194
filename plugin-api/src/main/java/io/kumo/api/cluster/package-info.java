/**
 * Clusters: groups of hosts of one hypervisor type, to which L2 networks and primary storage attach.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package io.kumo.api.cluster;
