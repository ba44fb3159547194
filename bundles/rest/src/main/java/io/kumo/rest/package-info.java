/**
 * Serves every registered operation over HTTP in ZStack's v1 wire format ({@code /zstack/v1}), with API job
 * polling, an OpenAPI document and CSV export of query results. Private to the bundle.
 */
package io.kumo.rest;
