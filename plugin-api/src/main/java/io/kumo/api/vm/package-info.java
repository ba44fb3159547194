/**
 * VM instances, their NICs and volumes.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package io.kumo.api.vm;
