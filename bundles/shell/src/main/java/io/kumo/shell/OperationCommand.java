package io.kumo.shell;

import io.kumo.api.operation.Operation;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.Submission;
import org.apache.karaf.shell.api.console.Session;

import java.io.PrintStream;
import java.util.Map;

/** The shell command {@code kumo:<shellCommand>} of one registered operation. */
final class OperationCommand extends KumoCommand {
    private final Operation operation;
    private final OperationDescriptor descriptor;
    private final CommandOptions options;
    private final ShellServices services;

    OperationCommand(Operation operation, ShellServices services) {
        this(operation, operation.descriptor(), services);
    }

    private OperationCommand(Operation operation, OperationDescriptor descriptor, ShellServices services) {
        super(descriptor.shellCommand(), descriptor.description().isBlank() ? descriptor.name() : descriptor.description());
        this.operation = operation;
        this.descriptor = descriptor;
        this.options = OperationOptions.of(descriptor);
        this.services = services;
    }

    /** @return the operation served */
    Operation operation() { return operation; }

    /** @return its declaration */
    OperationDescriptor descriptor() { return descriptor; }

    @Override CommandOptions options() { return options; }

    @Override
    void run(Session session, ParsedArguments args, PrintStream out) {
        OperationInvocation invocation = OperationInvocation.from(qualifiedName(), descriptor, args, services.mapper());
        if (invocation.help()) {
            HelpPrinter.printOperation(qualifiedName(), descriptor, options, out);
            return;
        }
        Submission submission = services.operations().submit(descriptor.name(), invocation.rawParams(),
                invocation.systemTags(), invocation.userTags(), ShellCallers.callerFor(session));
        ResultPrinter printer = services.printer();
        if (!submission.isJob()) {
            printer.print(submission.result() == null ? Map.of() : submission.result().body(), invocation.json(), out);
        } else if (invocation.async()) {
            if (invocation.json()) {
                printer.printJson(Map.of("jobId", submission.jobId()), out);
            } else {
                out.println(submission.jobId());
            }
        } else {
            services.jobReporter().awaitResult(submission.jobId(), invocation.json(), out);
        }
    }
}
