/**
 * Authentication of callers, ownership of resources and quotas per account.
 */
@org.osgi.annotation.versioning.Version("1.2.0")
package io.kumo.api.identity;
