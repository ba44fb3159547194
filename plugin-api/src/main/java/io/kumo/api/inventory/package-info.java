/**
 * Base types for inventories: the wire representation of a resource.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package io.kumo.api.inventory;
