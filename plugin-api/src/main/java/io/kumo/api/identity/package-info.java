/**
 * Authentication of callers. Accounts, users and policies grow here with the identity module.
 */
@org.osgi.annotation.versioning.Version("1.1.0")
package io.kumo.api.identity;
