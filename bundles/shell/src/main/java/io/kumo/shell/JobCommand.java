package io.kumo.shell;

import io.kumo.api.error.ApiException;
import io.kumo.api.job.JobInventory;
import org.apache.karaf.shell.api.console.Session;

import java.io.PrintStream;
import java.util.List;

/** {@code kumo:job <id>}: shows a job, or follows it to its end with {@code --wait}. */
final class JobCommand extends KumoCommand {
    static final String NAME = "job";
    private static final String WAIT = "wait";

    private final ShellServices services;
    private final CommandOptions options;

    JobCommand(ShellServices services) {
        super(NAME, "Show an API job: state, progress, step, and its result or error");
        this.services = services;
        CommandOptions.Builder b = CommandOptions.builder();
        b.add(ShellOption.flag(WAIT, "follow the job until it finishes, printing its progress"));
        b.add(ShellOption.flag(OperationOptions.JSON, "print the job as JSON"));
        b.add(ShellOption.flag(OperationOptions.HELP, "show this help"));
        this.options = b.build();
    }

    @Override CommandOptions options() { return options; }

    @Override
    void run(Session session, ParsedArguments args, PrintStream out) {
        if (args.flag(OperationOptions.HELP)) {
            HelpPrinter.printSimple(qualifiedName(), getDescription(), "<job id> [--wait] [--json]", options, out);
            return;
        }
        List<String> ids = args.positionals();
        if (ids.size() != 1) {
            throw ApiException.invalidArgument(qualifiedName() + " takes one job id: " + qualifiedName()
                    + " <job id> [--wait] [--json]");
        }
        boolean json = args.flag(OperationOptions.JSON);
        JobReporter reporter = services.jobReporter();
        JobInventory job = args.flag(WAIT) ? reporter.follow(ids.get(0), json, out) : reporter.get(ids.get(0));
        if (job != null) {
            reporter.show(job, json, out);
        }
    }
}
