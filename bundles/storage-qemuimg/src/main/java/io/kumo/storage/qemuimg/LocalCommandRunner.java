package io.kumo.storage.qemuimg;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** Runs commands on the management node itself. */
public class LocalCommandRunner implements CommandRunner {
    /** Drains the output of commands: blocking reads, so not the common fork-join pool. */
    private static final ExecutorService DRAIN = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "kumo-storage-command-output");
        t.setDaemon(true);
        return t;
    });

    private final String where;

    /** Runs commands here, described as "the management node". */
    public LocalCommandRunner() {
        this("the management node");
    }

    /** @param where how to call this place in messages */
    public LocalCommandRunner(String where) {
        this.where = where;
    }

    @Override
    public String where() {
        return where;
    }

    @Override
    public CommandResult run(List<String> command, Path stdin, Duration timeout) throws StorageException {
        ProcessBuilder pb = new ProcessBuilder(command);
        if (stdin != null) {
            pb.redirectInput(stdin.toFile());
        } else {
            pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        }
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new StorageException(command.get(0) + " is not installed on " + where + " or cannot be run ("
                    + e.getMessage() + "): install it (qemu-img comes with the qemu-utils package) and retry", e);
        }
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> drain(process.getInputStream()), DRAIN);
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> drain(process.getErrorStream()), DRAIN);
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new StorageException(command.get(0) + " did not finish on " + where + " within "
                        + timeout.toSeconds() + " s; it was stopped");
            }
            return new CommandResult(process.exitValue(), out.get(), err.get());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new StorageException(command.get(0) + " on " + where + " was interrupted", e);
        } catch (ExecutionException e) {
            throw new StorageException("cannot read the output of " + command.get(0) + " on " + where, e);
        }
    }

    private static String drain(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
