/**
 * Instance and disk offerings.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package io.kumo.api.offering;
