/**
 * Images (templates and ISOs) on backup storage.
 */
@org.osgi.annotation.versioning.Version("1.1.0")
package io.kumo.api.image;
