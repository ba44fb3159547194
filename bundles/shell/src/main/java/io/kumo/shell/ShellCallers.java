package io.kumo.shell;

import io.kumo.api.operation.Caller;
import org.apache.karaf.shell.api.console.Session;

/** Decides who a shell session calls operations as. */
final class ShellCallers {
    static final String CHANNEL = "shell";

    private ShellCallers() { }

    /**
     * @param session the shell session (its user will decide the identity once shell logins map to accounts)
     * @return the caller: the built-in admin on the {@code shell} channel
     */
    static Caller callerFor(Session session) {
        return Caller.system(CHANNEL);
    }
}
