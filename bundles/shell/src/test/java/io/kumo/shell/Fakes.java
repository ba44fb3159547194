package io.kumo.shell;

import io.kumo.api.error.ApiException;
import io.kumo.api.job.JobInventory;
import io.kumo.api.job.JobService;
import io.kumo.api.job.JobState;
import io.kumo.api.operation.Caller;
import io.kumo.api.operation.Operation;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationRegistry;
import io.kumo.api.operation.OperationService;
import io.kumo.api.operation.Submission;
import org.apache.karaf.shell.api.console.Command;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.History;
import org.apache.karaf.shell.api.console.Registry;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.apache.karaf.shell.api.console.Terminal;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** Hand-written fakes of Karaf's shell and Kumo's kernel services. */
final class Fakes {
    private Fakes() { }

    static Operation operation(OperationDescriptor d) {
        return () -> d;
    }

    static JobInventory job(String id, JobState state, int progress, String step, String message,
                            Map<String, Object> result, io.kumo.api.error.ApiError error) {
        return new JobInventory(id, "CreateZone", "key", state, progress, step, message, "node-1", result, error,
                null, null);
    }

    /** A console session writing to a buffer. */
    static final class FakeSession implements Session {
        final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        final PrintStream console = new PrintStream(buffer, true, StandardCharsets.UTF_8);

        String output() { return buffer.toString(StandardCharsets.UTF_8); }

        @Override public Object execute(CharSequence commandline) { throw new UnsupportedOperationException(); }
        @Override public Object get(String name) { return null; }
        @Override public void put(String name, Object value) { }
        @Override public InputStream getKeyboard() { return InputStream.nullInputStream(); }
        @Override public PrintStream getConsole() { return console; }
        @Override public String readLine(String prompt, Character mask) { return null; }
        @Override public Terminal getTerminal() { return null; }
        @Override public History getHistory() { return null; }
        @Override public Registry getRegistry() { return null; }
        @Override public SessionFactory getFactory() { return null; }
        @Override public String resolveCommand(String name) { return name.contains(":") ? name : "kumo:" + name; }
        @Override public Path currentDir() { return null; }
        @Override public void currentDir(Path path) { }
        @Override public void close() { }
        @Override public void run() { }
    }

    /** Karaf's command registry, reduced to a list. */
    static final class FakeRegistry implements Registry {
        final List<Object> registered = new CopyOnWriteArrayList<>();

        List<String> names() {
            List<String> out = new ArrayList<>();
            for (Object o : registered) {
                Command c = (Command) o;
                out.add(c.getScope() + ":" + c.getName());
            }
            return out;
        }

        Command command(String name) {
            return getCommand("kumo", name);
        }

        @Override public List<Command> getCommands() {
            List<Command> out = new ArrayList<>();
            registered.forEach(o -> out.add((Command) o));
            return out;
        }
        @Override public Command getCommand(String scope, String name) {
            return getCommands().stream().filter(c -> c.getScope().equals(scope) && c.getName().equals(name))
                    .findFirst().orElse(null);
        }
        @Override public <T> void register(Callable<T> factory, Class<T> clazz) { throw new UnsupportedOperationException(); }
        @Override public void register(Object service) { registered.add(service); }
        @Override public void unregister(Object service) {
            if (!registered.remove(service)) {
                throw new IllegalStateException("not registered: " + service);
            }
        }
        @Override public <T> T getService(Class<T> clazz) { return null; }
        @Override public <T> List<T> getServices(Class<T> clazz) { return List.of(); }
        @Override public boolean hasService(Class<?> clazz) { return false; }
    }

    /** A session factory that only has a registry. */
    static final class FakeSessionFactory implements SessionFactory {
        final FakeRegistry registry = new FakeRegistry();

        @Override public Registry getRegistry() { return registry; }
        @Override public Session create(InputStream in, PrintStream out, PrintStream err, Terminal term, String encoding, Runnable closeCallback) { throw new UnsupportedOperationException(); }
        @Override public Session create(InputStream in, PrintStream out, PrintStream err) { throw new UnsupportedOperationException(); }
        @Override public Session create(InputStream in, PrintStream out, PrintStream err, Session session) { throw new UnsupportedOperationException(); }
    }

    /** The kernel's registry of operations, with listeners. */
    static final class FakeOperationRegistry implements OperationRegistry {
        final List<Operation> operations = new CopyOnWriteArrayList<>();
        final List<Listener> listeners = new CopyOnWriteArrayList<>();

        void add(Operation op) {
            operations.add(op);
            listeners.forEach(l -> l.added(op));
        }

        void remove(Operation op) {
            operations.remove(op);
            listeners.forEach(l -> l.removed(op));
        }

        @Override public Collection<Operation> operations() { return List.copyOf(operations); }
        @Override public Optional<Operation> find(String name) {
            return operations.stream().filter(o -> o.descriptor().name().equals(name)).findFirst();
        }
        @Override public AutoCloseable addListener(Listener listener) {
            listeners.add(listener);
            return () -> listeners.remove(listener);
        }
    }

    /** Records submissions and answers with a fixed function. */
    static final class FakeOperationService implements OperationService {
        record Call(String operation, Map<String, Object> rawParams, List<String> systemTags, List<String> userTags,
                    Caller caller) { }

        final List<Call> calls = new ArrayList<>();
        Function<Call, Submission> answer = c -> new Submission(io.kumo.api.operation.OperationResult.empty(), null);

        @Override
        public Submission submit(String operation, Map<String, Object> rawParams, List<String> systemTags,
                                 List<String> userTags, Caller caller) {
            Call call = new Call(operation, rawParams, systemTags, userTags, caller);
            calls.add(call);
            return answer.apply(call);
        }
    }

    /** Answers each get with the next state of a scripted job; the last state repeats. */
    static final class SteppingJobService implements JobService {
        final Deque<JobInventory> states = new ArrayDeque<>();
        int gets;

        SteppingJobService(JobInventory... steps) {
            states.addAll(List.of(steps));
        }

        @Override public Optional<JobInventory> get(String jobId) {
            gets++;
            if (states.isEmpty()) {
                return Optional.empty();
            }
            JobInventory j = states.size() > 1 ? states.poll() : states.peek();
            return jobId.equals(j.uuid()) ? Optional.of(j) : Optional.empty();
        }

        @Override public JobInventory await(String jobId, Duration timeout) {
            throw new ApiException(io.kumo.api.error.ErrorCode.INTERNAL, "the shell polls with get");
        }
    }

    /** A parsed line with the cursor at the end of the given words. */
    static final class Line implements CommandLine {
        private final String[] words;

        Line(String... words) { this.words = words; }

        @Override public int getCursorArgumentIndex() { return words.length - 1; }
        @Override public String getCursorArgument() { return words[words.length - 1]; }
        @Override public int getArgumentPosition() { return words[words.length - 1].length(); }
        @Override public String[] getArguments() { return words; }
        @Override public int getBufferPosition() { return getBuffer().length(); }
        @Override public String getBuffer() { return String.join(" ", words); }
    }
}
