package io.kumo.shell;

import java.util.List;
import java.util.Objects;

/**
 * One {@code --name} option a Kumo shell command accepts.
 *
 * @param name          the option name without the leading dashes
 * @param arity         how many values it takes
 * @param type          a short type label shown in help, e.g. {@code string}
 * @param allowedValues the values offered by completion (and the only ones accepted, when the parameter says so)
 * @param description   what it means
 */
record ShellOption(String name, Arity arity, String type, List<String> allowedValues, String description) {

    /** How an option takes values. */
    enum Arity {
        /** {@code --flag} means true; {@code --flag=false} or {@code --flag false} set it explicitly. */
        FLAG,
        /** Exactly one value: {@code --name value} or {@code --name=value}. */
        SINGLE,
        /** Repeatable: {@code --name a --name b}. */
        MULTI
    }

    ShellOption {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(arity, "arity");
        allowedValues = allowedValues == null ? List.of() : List.copyOf(allowedValues);
        description = description == null ? "" : description;
        type = type == null ? "" : type;
    }

    static ShellOption flag(String name, String description) {
        return new ShellOption(name, Arity.FLAG, "boolean", List.of(), description);
    }

    static ShellOption repeatable(String name, String description) {
        return new ShellOption(name, Arity.MULTI, "string list", List.of(), description);
    }

    /** @return the option as typed: {@code --name} */
    String token() { return "--" + name; }

    /** @return true if it needs a value after it */
    boolean takesValue() { return arity != Arity.FLAG; }

    /** @return the values completion offers after this option */
    List<String> completionValues() {
        if (arity == Arity.FLAG) {
            return List.of("true", "false");
        }
        return allowedValues;
    }
}
