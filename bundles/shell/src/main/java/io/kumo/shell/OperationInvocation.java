package io.kumo.shell;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kumo.api.error.ApiException;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.ParameterDescriptor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a command line asks of an operation: the raw parameters for {@link io.kumo.api.operation.OperationService},
 * the tags, and how the shell should behave.
 *
 * @param rawParams  parameters as strings, lists of strings (list parameters) or maps (map parameters)
 * @param systemTags the {@code --system-tag} values
 * @param userTags   the {@code --user-tag} values
 * @param json       print JSON instead of tables
 * @param async      return the job id instead of waiting
 * @param help       show the help instead of invoking
 */
record OperationInvocation(Map<String, Object> rawParams, List<String> systemTags, List<String> userTags,
                           boolean json, boolean async, boolean help) {

    private static final TypeReference<LinkedHashMap<String, Object>> MAP_TYPE = new TypeReference<>() { };

    /**
     * @param command    the command as typed, for error messages
     * @param descriptor the operation
     * @param parsed     the parsed command line
     * @param mapper     parses JSON values of map parameters
     * @return the invocation
     * @throws ApiException if positional arguments or map values do not fit the operation
     */
    static OperationInvocation from(String command, OperationDescriptor descriptor, ParsedArguments parsed,
                                    ObjectMapper mapper) {
        Map<String, Object> raw = new LinkedHashMap<>();
        for (ParameterDescriptor p : descriptor.parameters().values()) {
            if (!parsed.has(p.name())) {
                continue;
            }
            List<String> values = parsed.values(p.name());
            switch (p.type()) {
                case STRING_LIST -> raw.put(p.name(), listValue(p.name(), values));
                case MAP -> raw.put(p.name(), mapValue(command, p.name(), values, mapper));
                default -> raw.put(p.name(), parsed.value(p.name()));
            }
        }
        bindPositionals(command, descriptor, parsed.positionals(), raw);
        return new OperationInvocation(raw,
                shellValues(descriptor, parsed, OperationOptions.SYSTEM_TAG),
                shellValues(descriptor, parsed, OperationOptions.USER_TAG),
                shellFlag(descriptor, parsed, OperationOptions.JSON),
                shellFlag(descriptor, parsed, OperationOptions.ASYNC),
                shellFlag(descriptor, parsed, OperationOptions.HELP));
    }

    private static void bindPositionals(String command, OperationDescriptor descriptor, List<String> positionals,
                                        Map<String, Object> raw) {
        if (positionals.isEmpty()) {
            return;
        }
        if (!descriptor.parameters().containsKey(OperationOptions.UUID)) {
            throw ApiException.invalidArgument(command + " takes no positional argument, got '" + positionals.get(0)
                    + "'; pass parameters as --name value (see " + command + " --help)");
        }
        if (positionals.size() > 1) {
            throw ApiException.invalidArgument(command + " takes one positional argument (the uuid), got "
                    + positionals.size() + ": " + String.join(" ", positionals));
        }
        if (raw.containsKey(OperationOptions.UUID)) {
            throw ApiException.invalidArgument(command + ": the uuid is given both as argument and as --uuid; give it once");
        }
        raw.put(OperationOptions.UUID, positionals.get(0));
    }

    /** Conditions ({@code q}) keep their commas ({@code uuid?=a,b}); other lists also split on commas. */
    private static List<String> listValue(String name, List<String> values) {
        if (OperationOptions.QUERY_CONDITIONS.equals(name)) {
            return List.copyOf(values);
        }
        List<String> out = new ArrayList<>();
        for (String v : values) {
            for (String part : v.split(",")) {
                String item = part.trim();
                if (!item.isEmpty()) {
                    out.add(item);
                }
            }
        }
        return out;
    }

    private static Map<String, Object> mapValue(String command, String name, List<String> values, ObjectMapper mapper) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String v : values) {
            String text = v.trim();
            if (text.startsWith("{")) {
                try {
                    out.putAll(mapper.readValue(text, MAP_TYPE));
                } catch (JsonProcessingException e) {
                    throw ApiException.invalidArgument("option --" + name + " of " + command
                            + " is not a valid JSON object: " + e.getOriginalMessage());
                }
            } else {
                int eq = text.indexOf('=');
                if (eq <= 0) {
                    throw ApiException.invalidArgument("option --" + name + " of " + command
                            + " takes key=value (repeatable) or a JSON object, not '" + v + "'");
                }
                out.put(text.substring(0, eq), text.substring(eq + 1));
            }
        }
        return out;
    }

    private static List<String> shellValues(OperationDescriptor d, ParsedArguments parsed, String option) {
        return OperationOptions.isShellOption(d, option) ? List.copyOf(parsed.values(option)) : List.of();
    }

    private static boolean shellFlag(OperationDescriptor d, ParsedArguments parsed, String option) {
        return OperationOptions.isShellOption(d, option) && parsed.flag(option);
    }
}
