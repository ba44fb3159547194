package io.kumo.api.operation;

import java.util.List;
import java.util.Objects;

/**
 * One typed parameter of an operation, with its validation rules. Create with the static factories
 * and refine with the {@code with...} methods, e.g. {@code ParameterDescriptor.string("name").required().maxLength(255)}.
 *
 * @param name          the parameter name as it appears on the wire
 * @param type          its type
 * @param required      whether it must be present
 * @param defaultValue  the value used when absent (a string, parsed by type), or null
 * @param description   what it means, shown in help, completion and OpenAPI
 * @param min           the minimum value (numbers) or length (strings), or null
 * @param max           the maximum value (numbers) or length (strings), or null
 * @param allowedValues the only values accepted (case-sensitive), or an empty list for any
 * @param pattern       a regular expression strings must match, or null
 * @param secret        whether the value is a secret (never logged, never returned)
 */
public record ParameterDescriptor(String name, ParamType type, boolean required, String defaultValue, String description,
                                  Long min, Long max, List<String> allowedValues, String pattern, boolean secret) {

    /** Canonical constructor: name and type are required, lists are copied. */
    public ParameterDescriptor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        allowedValues = allowedValues == null ? List.of() : List.copyOf(allowedValues);
        description = description == null ? "" : description;
    }

    /** @param name the name @return an optional parameter of that type */
    public static ParameterDescriptor of(String name, ParamType type) {
        return new ParameterDescriptor(name, type, false, null, "", null, null, List.of(), null, false);
    }

    /** @param name the name @return an optional string parameter */
    public static ParameterDescriptor string(String name) { return of(name, ParamType.STRING); }

    /** @param name the name @return an optional uuid parameter */
    public static ParameterDescriptor uuid(String name) { return of(name, ParamType.UUID); }

    /** @param name the name @return an optional integer parameter */
    public static ParameterDescriptor integer(String name) { return of(name, ParamType.INTEGER); }

    /** @param name the name @return an optional long parameter */
    public static ParameterDescriptor longParam(String name) { return of(name, ParamType.LONG); }

    /** @param name the name @return an optional boolean parameter */
    public static ParameterDescriptor bool(String name) { return of(name, ParamType.BOOLEAN); }

    /** @param name the name @return an optional list-of-strings parameter */
    public static ParameterDescriptor stringList(String name) { return of(name, ParamType.STRING_LIST); }

    /** @param name the name @return a JSON parameter ({@link ParamType#JSON}) */
    public static ParameterDescriptor json(String name) { return of(name, ParamType.JSON); }

    /** @return a copy that must be present */
    public ParameterDescriptor mandatory() {
        return new ParameterDescriptor(name, type, true, defaultValue, description, min, max, allowedValues, pattern, secret);
    }

    /** @param value the default, as a string @return a copy with that default */
    public ParameterDescriptor withDefault(String value) {
        return new ParameterDescriptor(name, type, required, value, description, min, max, allowedValues, pattern, secret);
    }

    /** @param text the description @return a copy with that description */
    public ParameterDescriptor describedAs(String text) {
        return new ParameterDescriptor(name, type, required, defaultValue, text, min, max, allowedValues, pattern, secret);
    }

    /** @param lo minimum value or length @param hi maximum value or length @return a copy with that range */
    public ParameterDescriptor range(long lo, long hi) {
        return new ParameterDescriptor(name, type, required, defaultValue, description, lo, hi, allowedValues, pattern, secret);
    }

    /** @param hi maximum length or value @return a copy with that maximum */
    public ParameterDescriptor maxLength(long hi) {
        return new ParameterDescriptor(name, type, required, defaultValue, description, min, hi, allowedValues, pattern, secret);
    }

    /** @param values the only accepted values @return a copy restricted to them */
    public ParameterDescriptor oneOf(String... values) {
        return new ParameterDescriptor(name, type, required, defaultValue, description, min, max, List.of(values), pattern, secret);
    }

    /** @param regex a regular expression the whole value must match @return a copy with that pattern */
    public ParameterDescriptor matching(String regex) {
        return new ParameterDescriptor(name, type, required, defaultValue, description, min, max, allowedValues, regex, secret);
    }

    /** @return a copy marked secret: redacted in logs, audit and job records */
    public ParameterDescriptor asSecret() {
        return new ParameterDescriptor(name, type, required, defaultValue, description, min, max, allowedValues, pattern, true);
    }
}
