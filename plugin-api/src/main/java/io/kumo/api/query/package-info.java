/**
 * The ZStack-compatible query model: conditions, paging, sorting and field selection.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package io.kumo.api.query;
