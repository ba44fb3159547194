package io.kumo.storage.qemuimg;

import java.util.List;
import java.util.Locale;

/** Turns a failed command into an error that says what went wrong and what to do. */
public final class CommandErrors {
    private CommandErrors() { }

    /**
     * @param where   where the command ran
     * @param command the command
     * @param result  how it ended (non-zero)
     * @return an error with a plain-words message
     */
    public static StorageException explain(String where, List<String> command, CommandResult result) {
        String program = command.isEmpty() ? "?" : command.get(0);
        String stderr = result.stderr() == null ? "" : result.stderr().strip();
        String lower = stderr.toLowerCase(Locale.ROOT);
        String detail = stderr.isEmpty() ? "exit status " + result.exitCode() : abbreviate(stderr);
        if (lower.contains("no space left on device")) {
            return new StorageException("no space left on " + where + " (" + program + "): free space or add storage ("
                    + detail + ")");
        }
        if (lower.contains("permission denied") && !lower.contains("publickey")) {
            return new StorageException("permission denied on " + where + " (" + program + "): give the management"
                    + " node's user access to the storage directory (" + detail + ")");
        }
        if (result.exitCode() == 127 || lower.contains("command not found") || lower.contains("not found: " + program)) {
            return new StorageException(program + " is not installed on " + where + ": install it (qemu-img comes with"
                    + " the qemu-utils package) and retry");
        }
        return new StorageException(program + " failed on " + where + ": " + detail);
    }

    private static String abbreviate(String text) {
        return text.length() <= 500 ? text : text.substring(0, 500) + "...";
    }
}
