package io.kumo.shell;

import org.apache.karaf.shell.api.console.Candidate;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Completes one Kumo command line: the command name, its {@code --options}, the allowed values of the option being
 * given, and {@code true}/{@code false} for flags. Karaf asks every command's completer on each Tab, so it answers
 * only for lines that start with its own command.
 */
final class OptionCompleter implements Completer {
    private final String scope;
    private final String name;
    private final CommandOptions options;
    private final boolean scoped;

    /**
     * @param scope   the command scope
     * @param name    the command name
     * @param options its options
     * @param scoped  true when completing inside the command's scope (the name alone is offered)
     */
    OptionCompleter(String scope, String name, CommandOptions options, boolean scoped) {
        this.scope = scope;
        this.name = name;
        this.options = options;
        this.scoped = scoped;
    }

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        List<Candidate> found = new ArrayList<>();
        completeCandidates(session, commandLine, found);
        for (Candidate c : found) {
            candidates.add(c.complete() ? c.value() + " " : c.value());
        }
        return found.isEmpty() ? -1 : commandLine.getBufferPosition() - commandLine.getArgumentPosition();
    }

    @Override
    public void completeCandidates(Session session, CommandLine commandLine, List<Candidate> candidates) {
        String[] args = commandLine.getArguments();
        int index = commandLine.getCursorArgumentIndex();
        if (args == null || index < 0) {
            return;
        }
        String word = cursorWord(commandLine);
        if (index == 0) {
            offer(candidates, word, name, null, true);
            if (!scoped) {
                offer(candidates, word, scope + ":" + name, null, true);
            }
            return;
        }
        if (args.length == 0 || !isThisCommand(session, args[0])) {
            return;
        }
        int eq = word.indexOf('=');
        if (word.startsWith("--") && eq > 2) {
            String prefix = word.substring(0, eq + 1);
            options.find(word.substring(2, eq)).ifPresent(o ->
                    o.completionValues().forEach(v -> offer(candidates, word, prefix + v, null, true)));
            return;
        }
        Optional<ShellOption> previous = index >= 2 && index - 1 < args.length ? optionToken(args[index - 1]) : Optional.empty();
        if (previous.isPresent() && previous.get().takesValue()) {
            previous.get().completionValues().forEach(v -> offer(candidates, word, v, null, true));
            return;
        }
        if (previous.isPresent()) {
            previous.get().completionValues().forEach(v -> offer(candidates, word, v, null, true));
        }
        if (word.isEmpty() || word.startsWith("-")) {
            Set<String> given = new HashSet<>();
            for (int i = 1; i < index && i < args.length; i++) {
                optionToken(args[i]).ifPresent(o -> given.add(o.name()));
                if (args[i].startsWith("--") && args[i].indexOf('=') > 2) {
                    given.add(args[i].substring(2, args[i].indexOf('=')));
                }
            }
            for (ShellOption o : options.all()) {
                if (o.arity() == ShellOption.Arity.MULTI || !given.contains(o.name())) {
                    offer(candidates, word, o.token(), o.description(), true);
                }
            }
        }
    }

    private Optional<ShellOption> optionToken(String arg) {
        if (arg == null || !arg.startsWith("--") || arg.indexOf('=') >= 0) {
            return Optional.empty();
        }
        return options.find(arg.substring(2));
    }

    private boolean isThisCommand(Session session, String first) {
        String qualified = scope + ":" + name;
        if (qualified.equals(first)) {
            return true;
        }
        if (!name.equals(first)) {
            return false;
        }
        if (session == null) {
            return true;
        }
        try {
            String resolved = session.resolveCommand(first);
            return resolved == null || qualified.equals(resolved) || first.equals(resolved);
        } catch (RuntimeException e) {
            return true;
        }
    }

    private static String cursorWord(CommandLine commandLine) {
        String word = commandLine.getCursorArgument();
        if (word == null) {
            return "";
        }
        int pos = commandLine.getArgumentPosition();
        return pos >= 0 && pos <= word.length() ? word.substring(0, pos) : word;
    }

    private static void offer(List<Candidate> candidates, String word, String value, String description, boolean complete) {
        if (value.startsWith(word)) {
            String descr = description == null || description.isBlank() ? null : description;
            candidates.add(new Candidate(value, value, null, descr, null, null, complete));
        }
    }
}
