/**
 * Primary and backup storage: inventories, the backend SPIs, and the service that reserves primary storage capacity.
 */
@org.osgi.annotation.versioning.Version("1.2.0")
package io.kumo.api.storage;
