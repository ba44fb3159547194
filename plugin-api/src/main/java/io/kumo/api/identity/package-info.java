/**
 * Authentication of callers and ownership of resources.
 */
@org.osgi.annotation.versioning.Version("1.1.0")
package io.kumo.api.identity;
