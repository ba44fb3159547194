/**
 * User and system tags attachable to any resource.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package io.kumo.api.tag;
