package io.kumo.shell;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The options and positional arguments of one command line, as typed (values are strings). */
final class ParsedArguments {
    private final Map<String, List<String>> options = new LinkedHashMap<>();
    private final List<String> positionals = new ArrayList<>();

    void addOption(String name, String value) {
        options.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }

    void addPositional(String value) {
        positionals.add(value);
    }

    /** @param name an option name @return true if given at least once */
    boolean has(String name) { return options.containsKey(name); }

    /** @param name an option name @return its values in order, or an empty list */
    List<String> values(String name) {
        return Collections.unmodifiableList(options.getOrDefault(name, List.of()));
    }

    /** @param name an option name @return its last value, or null */
    String value(String name) {
        List<String> v = options.get(name);
        return v == null || v.isEmpty() ? null : v.get(v.size() - 1);
    }

    /** @param name a flag option @return true if given as true */
    boolean flag(String name) { return Boolean.parseBoolean(value(name)); }

    /** @return the positional arguments in order */
    List<String> positionals() { return Collections.unmodifiableList(positionals); }
}
