package io.kumo.shell;

import io.kumo.api.error.ApiException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Parses the arguments Karaf hands to a command into {@link ParsedArguments}: {@code --name value},
 * {@code --name=value}, repeated list options, {@code --flag} / {@code --flag=false} / {@code --flag false}, and
 * positional arguments. An option value {@code @path} is read from that file on the management node, as curl does
 * ({@code kumo:update-license --license @/root/kumo.lic}); {@code @@} stands for a value starting with a literal
 * {@code @}. Errors are {@link ApiException}s of code {@code SYS.1007} naming the fix.
 */
final class ArgumentParser {
    /** The largest file an {@code @path} value may name. */
    private static final long MAX_FILE_BYTES = 1024 * 1024;
    private final String command;
    private final CommandOptions options;

    /**
     * @param command the command as typed, e.g. {@code kumo:create-zone}, for error messages
     * @param options what the command accepts
     */
    ArgumentParser(String command, CommandOptions options) {
        this.command = command;
        this.options = options;
    }

    /**
     * @param args the arguments, as Karaf passes them (strings, booleans, lists or null)
     * @return the parsed arguments
     * @throws ApiException for unknown options, missing values and repeated single-valued options
     */
    ParsedArguments parse(List<Object> args) {
        List<String> tokens = args.stream().map(ArgumentParser::text).collect(Collectors.toList());
        ParsedArguments parsed = new ParsedArguments();
        int i = 0;
        while (i < tokens.size()) {
            String token = tokens.get(i++);
            if (!token.startsWith("-") || token.equals("-")) {
                parsed.addPositional(token);
                continue;
            }
            String body = token.startsWith("--") ? token.substring(2) : token.substring(1);
            int eq = body.indexOf('=');
            String name = eq < 0 ? body : body.substring(0, eq);
            String inline = eq < 0 ? null : body.substring(eq + 1);
            ShellOption option = token.startsWith("--") ? options.find(name).orElse(null) : null;
            if (option == null) {
                throw ApiException.invalidArgument("unknown option " + (eq < 0 ? token : token.substring(0, token.indexOf('=')))
                        + " for " + command + "; valid options: " + options.describeValid());
            }
            String value;
            if (option.arity() == ShellOption.Arity.FLAG) {
                if (inline != null) {
                    value = inline;
                } else if (i < tokens.size() && isBoolean(tokens.get(i))) {
                    value = tokens.get(i++);
                } else {
                    value = "true";
                }
                if (!isBoolean(value)) {
                    throw ApiException.invalidArgument("option " + option.token() + " of " + command
                            + " takes true or false, not '" + value + "'");
                }
                value = value.toLowerCase(Locale.ROOT);
            } else if (inline != null) {
                value = inline;
            } else if (i < tokens.size()) {
                value = tokens.get(i++);
            } else {
                throw ApiException.invalidArgument("option " + option.token() + " of " + command + " needs a value: "
                        + option.token() + " <" + (option.type().isEmpty() ? "value" : option.type()) + ">");
            }
            if (option.arity() != ShellOption.Arity.FLAG) {
                value = fromFile(option, value);
            }
            if (option.arity() == ShellOption.Arity.SINGLE && parsed.has(option.name())) {
                throw ApiException.invalidArgument("option " + option.token() + " of " + command
                        + " is given twice; give it once");
            }
            parsed.addOption(option.name(), value);
        }
        return parsed;
    }

    private String fromFile(ShellOption option, String value) {
        if (!value.startsWith("@")) {
            return value;
        }
        if (value.startsWith("@@")) {
            return value.substring(1);
        }
        Path path = Path.of(value.substring(1));
        try {
            if (Files.isRegularFile(path) && Files.size(path) <= MAX_FILE_BYTES) {
                return Files.readString(path, StandardCharsets.UTF_8).strip();
            }
        } catch (IOException | UncheckedIOException e) {
            throw ApiException.invalidArgument("option " + option.token() + " of " + command + ": cannot read " + path
                    + " (" + e.getMessage() + ")");
        }
        throw ApiException.invalidArgument("option " + option.token() + " of " + command + ": " + (Files.isRegularFile(path)
                ? path + " is larger than " + MAX_FILE_BYTES / 1024 + " KiB"
                : "there is no file " + path.toAbsolutePath() + " on this management node")
                + " (a value @path is read from a file; write @@ for a value that starts with @)");
    }

    private static boolean isBoolean(String s) {
        return "true".equalsIgnoreCase(s) || "false".equalsIgnoreCase(s);
    }

    /** Karaf's shell turns bare {@code true}/{@code false}/{@code null} into objects and {@code [a b]} into lists. */
    static String text(Object arg) {
        if (arg instanceof Collection<?> c) {
            List<String> parts = new ArrayList<>();
            c.forEach(o -> parts.add(text(o)));
            return String.join(",", parts);
        }
        return String.valueOf(arg);
    }
}
