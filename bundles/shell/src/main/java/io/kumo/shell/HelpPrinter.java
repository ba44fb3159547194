package io.kumo.shell;

import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.ParameterDescriptor;
import org.apache.karaf.shell.support.table.Col;
import org.apache.karaf.shell.support.table.ShellTable;

import java.io.PrintStream;
import java.util.StringJoiner;

/** Prints {@code --help} of Kumo commands: description, usage and a table of parameters. */
final class HelpPrinter {
    private static final int MAX_DESCRIPTION = 60;

    private HelpPrinter() { }

    /**
     * @param command    the command as typed, e.g. {@code kumo:create-zone}
     * @param descriptor the operation it serves
     * @param options    the command's options
     * @param out        where to print
     */
    static void printOperation(String command, OperationDescriptor descriptor, CommandOptions options, PrintStream out) {
        out.println(command + " - " + (descriptor.description().isBlank() ? descriptor.name() : descriptor.description()));
        out.println();
        out.println("Operation: " + descriptor.name() + " (" + descriptor.kind()
                + (descriptor.async() ? ", runs as a job" : "") + ")"
                + descriptor.rest().map(r -> ", REST " + r.method() + " " + r.path()).orElse(""));
        out.println("Usage: " + usage(command, descriptor));
        out.println();
        if (!descriptor.parameters().isEmpty()) {
            out.println("Parameters:");
            ShellTable table = new ShellTable();
            table.column("Name");
            table.column("Type");
            table.column("Required");
            table.column("Default");
            table.column(new Col("Allowed values").maxSize(30).wrap());
            table.column(new Col("Description").maxSize(MAX_DESCRIPTION).wrap());
            for (ParameterDescriptor p : descriptor.parameters().values()) {
                table.addRow().addContent("--" + p.name(), OperationOptions.typeLabel(p.type()), p.required() ? "yes" : "no",
                        p.defaultValue() == null ? "" : p.defaultValue(), String.join(", ", p.allowedValues()),
                        p.description());
            }
            table.print(out);
            out.println();
        }
        out.println("Shell options:");
        printShellOptions(options, descriptor, out);
        if (descriptor.parameters().containsKey(OperationOptions.UUID)) {
            out.println();
            out.println("The first argument without an option name is the uuid.");
        }
    }

    /**
     * @param command     the command as typed
     * @param description what it does
     * @param usage       its usage line, after the command
     * @param options     its options
     * @param out         where to print
     */
    static void printSimple(String command, String description, String usage, CommandOptions options, PrintStream out) {
        out.println(command + " - " + description);
        out.println();
        out.println("Usage: " + command + " " + usage);
        out.println();
        out.println("Options:");
        ShellTable table = new ShellTable().noHeaders();
        table.column("Option");
        table.column(new Col("Description").maxSize(MAX_DESCRIPTION).wrap());
        for (ShellOption o : options.all()) {
            table.addRow().addContent(o.token(), o.description());
        }
        table.print(out);
    }

    private static void printShellOptions(CommandOptions options, OperationDescriptor descriptor, PrintStream out) {
        ShellTable table = new ShellTable().noHeaders();
        table.column("Option");
        table.column(new Col("Description").maxSize(MAX_DESCRIPTION).wrap());
        for (ShellOption o : options.all()) {
            if (!descriptor.parameters().containsKey(o.name())) {
                table.addRow().addContent(o.token() + (o.takesValue() ? " <value>" : ""), o.description());
            }
        }
        table.print(out);
    }

    static String usage(String command, OperationDescriptor descriptor) {
        StringJoiner sj = new StringJoiner(" ");
        sj.add(command);
        if (descriptor.parameters().containsKey(OperationOptions.UUID)) {
            ParameterDescriptor uuid = descriptor.parameters().get(OperationOptions.UUID);
            sj.add(uuid.required() ? "<uuid>" : "[<uuid>]");
        }
        for (ParameterDescriptor p : descriptor.parameters().values()) {
            if (p.name().equals(OperationOptions.UUID)) {
                continue;
            }
            String value = switch (p.type()) {
                case BOOLEAN -> "";
                default -> " <" + (p.allowedValues().isEmpty() ? OperationOptions.typeLabel(p.type())
                        : String.join("|", p.allowedValues())) + ">";
            };
            String text = "--" + p.name() + value;
            sj.add(p.required() ? text : "[" + text + "]");
        }
        sj.add("[--json]");
        if (descriptor.async()) {
            sj.add("[--async]");
        }
        return sj.toString();
    }
}
