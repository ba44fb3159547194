/**
 * Management nodes and ownership of resources by consistent hashing.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package io.kumo.api.node;
