package io.kumo.api.operation;

/** The type of an operation parameter or a global configuration value. */
public enum ParamType {
    /** A string. */
    STRING,
    /** A 32-bit integer. */
    INTEGER,
    /** A 64-bit integer. */
    LONG,
    /** A floating point number. */
    DOUBLE,
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /** A 32-hex-digit resource uuid (ZStack style, no dashes). */
    UUID,
    /** A list of strings. */
    STRING_LIST,
    /** A JSON object. */
    MAP,
    /** Any JSON value, such as a list of objects; the operation checks its shape. The shell takes it as JSON text. */
    JSON
}
