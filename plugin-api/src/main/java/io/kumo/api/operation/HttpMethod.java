package io.kumo.api.operation;

/** HTTP methods used by the ZStack v1 REST format. */
public enum HttpMethod {
    /** Reads. */
    GET,
    /** Creates. */
    POST,
    /** Actions. */
    PUT,
    /** Deletes. */
    DELETE
}
