package io.kumo.shell;

import io.kumo.api.operation.Operation;
import io.kumo.api.operation.OperationDescriptor;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code kumo:operations [filter]}: lists the operations served, with their commands and REST bindings. */
final class OperationsCommand extends KumoCommand {
    static final String NAME = "operations";

    private final ShellServices services;
    private final CommandOptions options;

    OperationsCommand(ShellServices services) {
        super(NAME, "List the Kumo operations: shell command, name, kind, async, REST method and path");
        this.services = services;
        CommandOptions.Builder b = CommandOptions.builder();
        b.add(ShellOption.flag(OperationOptions.JSON, "print the list as JSON"));
        b.add(ShellOption.flag(OperationOptions.HELP, "show this help"));
        this.options = b.build();
    }

    @Override CommandOptions options() { return options; }

    @Override
    void run(Session session, ParsedArguments args, PrintStream out) {
        if (args.flag(OperationOptions.HELP)) {
            HelpPrinter.printSimple(qualifiedName(), getDescription(), "[<text to look for>] [--json]", options, out);
            return;
        }
        String filter = args.positionals().isEmpty() ? null : String.join(" ", args.positionals()).toLowerCase(Locale.ROOT);
        List<OperationDescriptor> descriptors = new ArrayList<>();
        for (Operation op : services.registry().operations()) {
            OperationDescriptor d = op.descriptor();
            if (filter == null || d.shellCommand().toLowerCase(Locale.ROOT).contains(filter)
                    || d.name().toLowerCase(Locale.ROOT).contains(filter)) {
                descriptors.add(d);
            }
        }
        descriptors.sort(Comparator.comparing(OperationDescriptor::shellCommand));
        if (args.flag(OperationOptions.JSON)) {
            services.printer().printJson(descriptors.stream().map(OperationsCommand::summary).toList(), out);
            return;
        }
        ShellTable table = new ShellTable().emptyTableText("No operations.");
        table.column("Command");
        table.column("Name");
        table.column("Kind");
        table.column("Async");
        table.column("REST");
        for (OperationDescriptor d : descriptors) {
            table.addRow().addContent(SCOPE + ":" + d.shellCommand(), d.name(), d.kind(), d.async() ? "yes" : "no",
                    d.rest().map(r -> r.method() + " " + r.path()).orElse(""));
        }
        table.print(out);
    }

    private static Map<String, Object> summary(OperationDescriptor d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("command", SCOPE + ":" + d.shellCommand());
        m.put("name", d.name());
        m.put("kind", d.kind().name());
        m.put("async", d.async());
        m.put("method", d.rest().map(r -> r.method().name()).orElse(null));
        m.put("path", d.rest().map(r -> r.path()).orElse(null));
        m.put("description", d.description());
        m.put("access", d.access().name());
        Map<String, String> params = new LinkedHashMap<>();
        d.parameters().values().forEach(p -> params.put(p.name(), p.type().name()));
        m.put("params", params);
        return m;
    }
}
