/**
 * Errors every operation reports: a stable code, an HTTP status and a description telling the user what to do next.
 */
@org.osgi.annotation.versioning.Version("1.2.0")
package io.kumo.api.error;
