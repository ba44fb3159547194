package io.kumo.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The routes served at one moment and their OpenAPI document, which is generated on first use and then kept for as
 * long as the snapshot is current.
 */
final class RouteSnapshot {
    private static final ObjectMapper OPENAPI_WRITER = new ObjectMapper();

    private final RouteTable table;
    private final String version;
    private volatile byte[] openApi;

    /**
     * @param table   the routes
     * @param version the version of Kumo, shown in the document
     */
    RouteSnapshot(RouteTable table, String version) {
        this.table = table;
        this.version = version;
    }

    /** @return the routes */
    RouteTable table() { return table; }

    /** @return the OpenAPI document as UTF-8 JSON */
    byte[] openApiJson() {
        byte[] doc = openApi;
        if (doc == null) {
            synchronized (this) {
                doc = openApi;
                if (doc == null) {
                    try {
                        doc = OPENAPI_WRITER.writeValueAsBytes(OpenApiGenerator.generate(table, version));
                    } catch (JsonProcessingException e) {
                        throw new IllegalStateException("cannot write the OpenAPI document", e);
                    }
                    openApi = doc;
                }
            }
        }
        return doc;
    }
}
