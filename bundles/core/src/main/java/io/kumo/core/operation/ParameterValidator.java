package io.kumo.core.operation;

import io.kumo.api.error.ApiException;
import io.kumo.api.inventory.Uuids;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.ParameterDescriptor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks raw parameters (JSON values, or strings from the shell and query strings) against an operation's declaration
 * and converts them to the declared types. Every refusal says which parameter and what is accepted.
 */
public final class ParameterValidator {
    private ParameterValidator() { }

    /**
     * @param op  the declaration
     * @param raw the parameters as received; null values count as absent
     * @return typed parameters, defaults applied
     * @throws ApiException 400 SYS.1007 on the first problem found
     */
    public static Map<String, Object> validate(OperationDescriptor op, Map<String, Object> raw) {
        Map<String, Object> in = raw == null ? Map.of() : raw;
        for (String name : in.keySet()) {
            if (op.parameter(name).isEmpty()) {
                throw ApiException.invalidArgument("unknown parameter '" + name + "' for " + op.name()
                        + "; valid parameters: " + String.join(", ", op.parameters().keySet()));
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (ParameterDescriptor p : op.parameters().values()) {
            Object v = in.get(p.name());
            if (v == null && p.defaultValue() != null) {
                v = p.defaultValue();
            }
            if (v == null) {
                if (p.required()) {
                    throw ApiException.invalidArgument("parameter '" + p.name() + "' is required by " + op.name()
                            + (p.description().isEmpty() ? "" : " (" + p.description() + ")"));
                }
                continue;
            }
            out.put(p.name(), convert("parameter '" + p.name() + "' of " + op.name(), p, v));
        }
        return out;
    }

    /**
     * Converts and checks one value.
     *
     * @param where how to name the value in errors, e.g. {@code parameter 'name' of CreateZone}
     * @param p     its declaration
     * @param v     the raw value
     * @return the typed value
     * @throws ApiException 400 saying what is accepted
     */
    public static Object convert(String where, ParameterDescriptor p, Object v) {
        Object value = switch (p.type()) {
            case STRING -> checkString(where, p, asString(where, v, "a string"));
            case UUID -> {
                String s = asString(where, v, "a uuid");
                if (!Uuids.isValid(s)) {
                    throw ApiException.invalidArgument(where + " must be a uuid of 32 lower-case hex digits, not '" + abbreviate(s) + "'");
                }
                yield s;
            }
            case INTEGER -> (int) checkRange(where, p, asLong(where, v, Integer.MIN_VALUE, Integer.MAX_VALUE, "an integer"));
            case LONG -> checkRange(where, p, asLong(where, v, Long.MIN_VALUE, Long.MAX_VALUE, "an integer"));
            case DOUBLE -> {
                double d;
                if (v instanceof Number n) {
                    d = n.doubleValue();
                } else if (v instanceof String s) {
                    try {
                        d = Double.parseDouble(s.trim());
                    } catch (NumberFormatException e) {
                        throw ApiException.invalidArgument(where + " must be a number, not '" + abbreviate(s) + "'");
                    }
                } else {
                    throw ApiException.invalidArgument(where + " must be a number");
                }
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    throw ApiException.invalidArgument(where + " must be a finite number");
                }
                if ((p.min() != null && d < p.min()) || (p.max() != null && d > p.max())) {
                    throw ApiException.invalidArgument(where + " must be " + bounds(p) + ", not " + d);
                }
                yield d;
            }
            case BOOLEAN -> {
                if (v instanceof Boolean b) {
                    yield b;
                }
                if (v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
                    yield Boolean.parseBoolean(s);
                }
                throw ApiException.invalidArgument(where + " must be true or false, not '" + abbreviate(String.valueOf(v)) + "'");
            }
            case STRING_LIST -> {
                List<String> list = new ArrayList<>();
                if (v instanceof List<?> l) {
                    for (Object o : l) {
                        if (!(o instanceof String s)) {
                            throw ApiException.invalidArgument(where + " must be a list of strings");
                        }
                        list.add(s);
                    }
                } else if (v instanceof String s) {
                    list.add(s);
                } else {
                    throw ApiException.invalidArgument(where + " must be a list of strings");
                }
                if (p.max() != null && list.size() > p.max()) {
                    throw ApiException.invalidArgument(where + " takes at most " + p.max() + " values");
                }
                yield List.copyOf(list);
            }
            case JSON -> {
                if (v instanceof String text) {
                    try {
                        yield io.kumo.core.json.Json.read(text, Object.class);
                    } catch (RuntimeException e) {
                        throw ApiException.invalidArgument(where + " must be JSON text");
                    }
                }
                yield v;
            }
            case MAP -> {
                if (!(v instanceof Map<?, ?> m)) {
                    throw ApiException.invalidArgument(where + " must be a JSON object");
                }
                yield m;
            }
        };
        if (!p.allowedValues().isEmpty() && !p.allowedValues().contains(String.valueOf(value))) {
            throw ApiException.invalidArgument(where + " must be one of " + String.join(", ", p.allowedValues())
                    + ", not '" + abbreviate(String.valueOf(value)) + "'");
        }
        return value;
    }

    private static String asString(String where, Object v, String what) {
        if (v instanceof String s) {
            return s;
        }
        throw ApiException.invalidArgument(where + " must be " + what + " (a JSON string)");
    }

    private static String checkString(String where, ParameterDescriptor p, String s) {
        if (p.min() != null && s.length() < p.min()) {
            throw ApiException.invalidArgument(where + " must be at least " + p.min() + " characters long");
        }
        if (p.max() != null && s.length() > p.max()) {
            throw ApiException.invalidArgument(where + " must be at most " + p.max() + " characters long, not " + s.length());
        }
        if (p.pattern() != null && !s.matches(p.pattern())) {
            throw ApiException.invalidArgument(where + " must match " + p.pattern() + ", not '" + abbreviate(s) + "'");
        }
        return s;
    }

    private static long asLong(String where, Object v, long lo, long hi, String what) {
        long n;
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            n = ((Number) v).longValue();
        } else if (v instanceof java.math.BigInteger) {
            throw ApiException.invalidArgument(where + " is out of range");
        } else if (v instanceof String s) {
            try {
                n = Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                throw ApiException.invalidArgument(where + " must be " + what + ", not '" + abbreviate(s) + "'");
            }
        } else {
            throw ApiException.invalidArgument(where + " must be " + what);
        }
        if (n < lo || n > hi) {
            throw ApiException.invalidArgument(where + " is out of range: " + n);
        }
        return n;
    }

    private static long checkRange(String where, ParameterDescriptor p, long n) {
        if ((p.min() != null && n < p.min()) || (p.max() != null && n > p.max())) {
            throw ApiException.invalidArgument(where + " must be " + bounds(p) + ", not " + n);
        }
        return n;
    }

    private static String bounds(ParameterDescriptor p) {
        if (p.min() != null && p.max() != null) {
            return "between " + p.min() + " and " + p.max();
        }
        return p.min() != null ? "at least " + p.min() : "at most " + p.max();
    }

    private static String abbreviate(String s) {
        return s.length() <= 64 ? s : s.substring(0, 61) + "...";
    }
}
