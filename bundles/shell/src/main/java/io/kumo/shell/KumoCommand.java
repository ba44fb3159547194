package io.kumo.shell;

import io.kumo.api.error.ApiError;
import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import org.apache.karaf.shell.api.console.Command;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Parser;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.CommandException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintStream;
import java.util.List;

/**
 * A command in scope {@code kumo}: parses {@code --options}, completes them, and turns errors into a one-line
 * {@code Error <code>: <details>} without a stack trace.
 */
abstract class KumoCommand implements Command {
    static final String SCOPE = "kumo";
    private static final Logger LOG = LoggerFactory.getLogger(KumoCommand.class);

    private final String name;
    private final String description;

    KumoCommand(String name, String description) {
        this.name = name;
        this.description = description;
    }

    @Override public String getScope() { return SCOPE; }

    @Override public String getName() { return name; }

    @Override public String getDescription() { return description; }

    @Override public Completer getCompleter(boolean scoped) {
        return new OptionCompleter(SCOPE, name, options(), scoped);
    }

    /** The default Karaf parser splits the line. */
    @Override public Parser getParser() { return null; }

    /** @return {@code kumo:<name>} */
    String qualifiedName() { return SCOPE + ":" + name; }

    /** @return the options the command accepts */
    abstract CommandOptions options();

    /**
     * Runs the command.
     *
     * @param session the shell session
     * @param args    the parsed arguments
     * @param out     the console
     * @throws ApiException to fail with a code and a detail
     */
    abstract void run(Session session, ParsedArguments args, PrintStream out);

    @Override
    public Object execute(Session session, List<Object> arguments) throws Exception {
        PrintStream out = session.getConsole();
        try {
            ParsedArguments parsed = new ArgumentParser(qualifiedName(), options()).parse(arguments);
            run(session, parsed, out);
            return null;
        } catch (ApiException e) {
            throw failure(e.error());
        } catch (RuntimeException e) {
            throw failure(unexpected(e));
        } finally {
            out.flush();
        }
    }

    private ApiError unexpected(RuntimeException e) {
        if ("ServiceUnavailableException".equals(e.getClass().getSimpleName())) {
            LOG.warn("{}: a Kumo service is not available: {}", qualifiedName(), e.getMessage());
            return ApiError.of(ErrorCode.UNAVAILABLE, "the Kumo core services are not available right now; "
                    + "check that the kumo features are started (feature:list | grep kumo)");
        }
        LOG.error("{} failed unexpectedly", qualifiedName(), e);
        return ApiError.of(ErrorCode.INTERNAL, "the command failed unexpectedly; the Karaf log has the details");
    }

    /**
     * @param error the error to report
     * @return an exception Karaf prints as just {@code Error <code>: <details>} (its help text), logging at debug only
     */
    static CommandException failure(ApiError error) {
        String line = JobReporter.errorLine(error);
        return new CommandException(line, line);
    }
}
