package io.kumo.shell;

import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.ParamType;
import io.kumo.api.operation.ParameterDescriptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;

/**
 * The options of an operation's command: one per declared parameter, then the shell's own options. A parameter keeps
 * its name even if it collides with a shell option; the shell option is then unavailable for that command.
 */
final class OperationOptions {
    static final String JSON = "json";
    static final String ASYNC = "async";
    static final String HELP = "help";
    static final String SYSTEM_TAG = "system-tag";
    static final String USER_TAG = "user-tag";
    static final String UUID = "uuid";
    static final String QUERY_CONDITIONS = "q";

    private static final Logger LOG = LoggerFactory.getLogger(OperationOptions.class);

    private OperationOptions() { }

    /** @param descriptor an operation @return the options of its command */
    static CommandOptions of(OperationDescriptor descriptor) {
        CommandOptions.Builder b = CommandOptions.builder();
        for (ParameterDescriptor p : descriptor.parameters().values()) {
            b.add(optionOf(p));
        }
        add(b, descriptor, ShellOption.flag(JSON, "print the result as JSON"));
        if (descriptor.async()) {
            add(b, descriptor, ShellOption.flag(ASYNC, "print the job id instead of waiting for the job"));
        }
        add(b, descriptor, ShellOption.repeatable(SYSTEM_TAG, "system tag to attach (repeatable)"));
        add(b, descriptor, ShellOption.repeatable(USER_TAG, "user tag to attach (repeatable)"));
        add(b, descriptor, ShellOption.flag(HELP, "show this help"));
        return b.build();
    }

    private static void add(CommandOptions.Builder b, OperationDescriptor descriptor, ShellOption option) {
        if (!b.add(option)) {
            LOG.warn("Parameter '{}' of {} hides the shell option {} of its command",
                    option.name(), descriptor.name(), option.token());
        }
    }

    /** @param descriptor an operation @param option a shell option name @return true if it is the shell's option */
    static boolean isShellOption(OperationDescriptor descriptor, String option) {
        return !descriptor.parameters().containsKey(option);
    }

    static ShellOption optionOf(ParameterDescriptor p) {
        ShellOption.Arity arity = switch (p.type()) {
            case BOOLEAN -> ShellOption.Arity.FLAG;
            case STRING_LIST, MAP -> ShellOption.Arity.MULTI;
            default -> ShellOption.Arity.SINGLE;
        };
        return new ShellOption(p.name(), arity, typeLabel(p.type()), p.allowedValues(), p.description());
    }

    static String typeLabel(ParamType type) {
        return switch (type) {
            case STRING_LIST -> "string list";
            case MAP -> "key=value";
            case JSON -> "JSON text";
            default -> type.name().toLowerCase(Locale.ROOT);
        };
    }
}
