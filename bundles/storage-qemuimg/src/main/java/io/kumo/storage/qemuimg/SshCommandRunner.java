package io.kumo.storage.qemuimg;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Runs commands on a host over {@code ssh} in batch mode. Only key-based login works: the management node's user
 * must have a key the host accepts (a password cannot be given to a non-interactive ssh). The remote shell sees every
 * argument single-quoted, so nothing in an argument is interpreted.
 */
public class SshCommandRunner implements CommandRunner {
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:_-]+");
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9._-]+");

    private final String username;
    private final String host;
    private final int port;
    private final CommandRunner local;

    /**
     * @param username the login, or null for the management node's user name
     * @param host     the host's address
     * @param port     its ssh port
     */
    public SshCommandRunner(String username, String host, int port) {
        this(username, host, port, new LocalCommandRunner());
    }

    SshCommandRunner(String username, String host, int port, CommandRunner local) {
        if (host == null || !HOST.matcher(host).matches()) {
            throw new IllegalArgumentException("invalid host address for ssh: " + host);
        }
        if (username != null && !username.isEmpty() && !USER.matcher(username).matches()) {
            throw new IllegalArgumentException("invalid ssh user name: " + username);
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("invalid ssh port: " + port);
        }
        this.username = username == null || username.isEmpty() ? null : username;
        this.host = host;
        this.port = port;
        this.local = local;
    }

    @Override
    public String where() {
        return "host " + host;
    }

    /** @param command a remote command @return the local {@code ssh} command that runs it */
    public List<String> sshCommand(List<String> command) {
        List<String> ssh = new ArrayList<>(List.of("ssh", "-o", "BatchMode=yes", "-o", "ConnectTimeout=15",
                "-o", "StrictHostKeyChecking=accept-new", "-p", Integer.toString(port)));
        if (username != null) {
            ssh.add("-l");
            ssh.add(username);
        }
        ssh.add(host);
        ssh.add("--");
        StringBuilder remote = new StringBuilder();
        for (String arg : command) {
            if (remote.length() > 0) {
                remote.append(' ');
            }
            remote.append(quote(arg));
        }
        ssh.add(remote.toString());
        return ssh;
    }

    /** @param arg any text @return it single-quoted for a POSIX shell */
    static String quote(String arg) {
        return "'" + arg.replace("'", "'\\''") + "'";
    }

    @Override
    public CommandResult run(List<String> command, Path stdin, Duration timeout) throws StorageException {
        CommandResult r = local.run(sshCommand(command), stdin, timeout);
        if (r.exitCode() == 255) {
            throw new StorageException("cannot reach " + where() + " over ssh (port " + port + "): " + r.stderr().strip()
                    + "; Kumo logs in with keys only: install the management node's public key in the host's"
                    + " authorized_keys, or use hostAccess=local");
        }
        return r;
    }
}
