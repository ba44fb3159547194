package io.kumo.shell;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The options of one shell command, in the order help and completion show them. */
final class CommandOptions {
    private final Map<String, ShellOption> byName;

    private CommandOptions(Map<String, ShellOption> byName) {
        this.byName = Collections.unmodifiableMap(byName);
    }

    static Builder builder() { return new Builder(); }

    /** @param name an option name without dashes @return the option, if the command has it */
    Optional<ShellOption> find(String name) { return Optional.ofNullable(byName.get(name)); }

    /** @return every option in order */
    Collection<ShellOption> all() { return byName.values(); }

    /** @return the options as typed, comma-separated, for error messages */
    String describeValid() {
        return byName.values().stream().map(ShellOption::token).collect(Collectors.joining(", "));
    }

    /** Builds {@link CommandOptions}; the first option added under a name wins. */
    static final class Builder {
        private final Map<String, ShellOption> byName = new LinkedHashMap<>();

        /** @param option an option @return true if added, false if the name was taken */
        boolean add(ShellOption option) {
            return byName.putIfAbsent(option.name(), option) == null;
        }

        CommandOptions build() { return new CommandOptions(new LinkedHashMap<>(byName)); }
    }
}
