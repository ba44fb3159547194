package io.kumo.storage.qemuimg;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Runs commands on one host: on the management node itself ({@link LocalCommandRunner}) or on a host over ssh
 * ({@link SshCommandRunner}). Commands are argument lists, never shell text: no argument is interpreted by a shell.
 */
public interface CommandRunner {
    /** How long a command may run unless told otherwise. */
    Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    /** @return where commands run, for messages, e.g. {@code host 10.0.0.5} */
    String where();

    /**
     * Runs a command.
     *
     * @param command the program and its arguments
     * @param stdin   a local file fed to its standard input, or null for none
     * @param timeout how long it may run; it is killed after that
     * @return how it ended
     * @throws StorageException if it could not be started, or timed out
     */
    CommandResult run(List<String> command, Path stdin, Duration timeout) throws StorageException;

    /**
     * Runs a command that must succeed.
     *
     * @param command the program and its arguments
     * @return how it ended (exit status 0)
     * @throws StorageException if it failed, with a message that says why in plain words
     */
    default CommandResult check(List<String> command) throws StorageException {
        CommandResult r = run(command, null, DEFAULT_TIMEOUT);
        if (!r.ok()) {
            throw CommandErrors.explain(where(), command, r);
        }
        return r;
    }
}
