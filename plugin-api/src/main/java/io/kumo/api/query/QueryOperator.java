package io.kumo.api.query;

/** Condition operators of the ZStack query API, with their wire symbols. */
public enum QueryOperator {
    /** {@code field=value}. */
    EQ("="),
    /** {@code field!=value}. */
    NOT_EQ("!="),
    /** {@code field>value}. */
    GT(">"),
    /** {@code field<value}. */
    LT("<"),
    /** {@code field>=value}. */
    GE(">="),
    /** {@code field<=value}. */
    LE("<="),
    /** {@code field?=a,b,c}: in the list. */
    IN("?="),
    /** {@code field!?=a,b,c}: not in the list. */
    NOT_IN("!?="),
    /** {@code field~=pattern}: SQL LIKE ({@code %} and {@code _} wildcards). */
    LIKE("~="),
    /** {@code field!~=pattern}: NOT LIKE. */
    NOT_LIKE("!~="),
    /** {@code field is null}. */
    IS_NULL(" is null"),
    /** {@code field not null}. */
    NOT_NULL(" not null");

    private final String symbol;

    QueryOperator(String symbol) { this.symbol = symbol; }

    /** @return the wire symbol */
    public String symbol() { return symbol; }

    /** @return true if the operator takes no value */
    public boolean unary() { return this == IS_NULL || this == NOT_NULL; }

    /** @return true if the value is a comma-separated list */
    public boolean listValued() { return this == IN || this == NOT_IN; }
}
