package io.kumo.shell;

import io.kumo.api.job.JobService;
import io.kumo.api.operation.Operation;
import io.kumo.api.operation.OperationRegistry;
import io.kumo.api.operation.OperationService;
import org.apache.karaf.shell.api.console.Registry;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the Karaf shell's {@code kumo:*} commands in step with the operations served: registers
 * {@code kumo:job} and {@code kumo:operations}, then one command per operation as operations come and go, and
 * unregisters everything when stopped. Wired by {@code OSGI-INF/blueprint/shell.xml}, which also tells it when the
 * kernel's {@link OperationRegistry} is bound or unbound so that a restarted kernel is followed too.
 */
public final class ShellCommandRegistrar implements OperationRegistry.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(ShellCommandRegistrar.class);

    private final SessionFactory sessionFactory;
    private final ShellServices services;
    private final Map<String, KumoCommand> commands = new LinkedHashMap<>();
    private Registry shellRegistry;
    private OperationRegistry boundRegistry;
    private OperationRegistry followedRegistry;
    private AutoCloseable listenerHandle;
    private boolean active;

    /**
     * @param sessionFactory     Karaf's shell, whose registry receives the commands
     * @param registry           the operations served
     * @param operations         submits operations
     * @param jobs               reads jobs
     * @param pollIntervalMillis how often a waiting command polls its job
     */
    public ShellCommandRegistrar(SessionFactory sessionFactory, OperationRegistry registry, OperationService operations,
                                 JobService jobs, long pollIntervalMillis) {
        this(sessionFactory, new ShellServices(registry, operations, jobs, ShellJson.newMapper(),
                JobFollower.Pacer.sleeping(Math.max(10, pollIntervalMillis))));
    }

    ShellCommandRegistrar(SessionFactory sessionFactory, ShellServices services) {
        this.sessionFactory = sessionFactory;
        this.services = services;
    }

    /** Registers the static commands, then follows the operation registry if it is bound already. */
    public void init() {
        OperationRegistry registry;
        synchronized (this) {
            shellRegistry = sessionFactory.getRegistry();
            active = true;
            register(new JobCommand(services));
            register(new OperationsCommand(services));
            registry = boundRegistry;
        }
        if (registry != null) {
            follow(registry);
        }
        LOG.info("Kumo shell commands registered: {}", commandCount());
    }

    /** Stops following the registry and unregisters every Kumo command. */
    public void destroy() {
        AutoCloseable handle;
        int count;
        synchronized (this) {
            active = false;
            handle = listenerHandle;
            listenerHandle = null;
            followedRegistry = null;
            count = commands.size();
            new ArrayList<>(commands.values()).forEach(this::unregister);
            commands.clear();
        }
        close(handle);
        LOG.info("Kumo shell commands unregistered: {}", count);
    }

    /**
     * Called when the kernel's registry is bound (again): follows it and serves exactly its operations.
     *
     * @param registry   the registry
     * @param properties its service properties
     */
    public void bindRegistry(OperationRegistry registry, Map<String, ?> properties) {
        boolean ready;
        synchronized (this) {
            boundRegistry = registry;
            ready = active;
        }
        if (ready) {
            follow(registry);
        }
    }

    /**
     * Called when the kernel's registry goes away: its operations are no longer served.
     *
     * @param registry   the registry
     * @param properties its service properties
     */
    public void unbindRegistry(OperationRegistry registry, Map<String, ?> properties) {
        AutoCloseable handle;
        synchronized (this) {
            boundRegistry = null;
            followedRegistry = null;
            handle = listenerHandle;
            listenerHandle = null;
            removeOperationCommands(List.of());
        }
        close(handle);
    }

    private void follow(OperationRegistry registry) {
        AutoCloseable handle = registry.addListener(this);
        AutoCloseable previous;
        synchronized (this) {
            if (!active) {
                previous = handle;
            } else {
                previous = listenerHandle;
                listenerHandle = handle;
                followedRegistry = registry;
            }
        }
        close(previous);
        Collection<Operation> served = registry.operations();
        synchronized (this) {
            if (!active) {
                return;
            }
            removeOperationCommands(served);
        }
        served.forEach(this::added);
    }

    /** Unregisters the commands of operations that are not in {@code keep} (by identity). */
    private void removeOperationCommands(Collection<Operation> keep) {
        for (KumoCommand c : new ArrayList<>(commands.values())) {
            if (c instanceof OperationCommand oc && keep.stream().noneMatch(op -> op == oc.operation())) {
                commands.remove(c.getName());
                unregister(c);
            }
        }
    }

    @Override
    public void added(Operation operation) {
        String name = operation.descriptor().shellCommand();
        synchronized (this) {
            if (!active) {
                return;
            }
            KumoCommand existing = commands.get(name);
            if (existing instanceof OperationCommand oc && oc.operation() == operation) {
                return;
            }
            if (existing != null && !(existing instanceof OperationCommand oc
                    && oc.descriptor().name().equals(operation.descriptor().name()))) {
                LOG.warn("Operation {} is not served in the shell: kumo:{} already belongs to {}",
                        operation.descriptor().name(), name, describe(existing));
                return;
            }
            if (existing != null) {
                commands.remove(name);
                unregister(existing);
            }
            register(new OperationCommand(operation, services));
        }
        LOG.debug("Registered kumo:{} for {}", name, operation.descriptor().name());
    }

    @Override
    public void removed(Operation operation) {
        String name = operation.descriptor().shellCommand();
        OperationRegistry registry;
        synchronized (this) {
            KumoCommand existing = commands.get(name);
            if (!active || !(existing instanceof OperationCommand oc) || oc.operation() != operation) {
                return;
            }
            commands.remove(name);
            unregister(existing);
            registry = followedRegistry;
        }
        LOG.debug("Unregistered kumo:{} of {}", name, operation.descriptor().name());
        if (registry == null) {
            return;
        }
        // Another operation may have been refused this command name while it was taken.
        for (Operation other : registry.operations()) {
            if (other != operation && name.equals(other.descriptor().shellCommand())) {
                added(other);
                break;
            }
        }
    }

    /** @return the number of Kumo commands registered now */
    synchronized int commandCount() {
        return commands.size();
    }

    private void register(KumoCommand command) {
        try {
            shellRegistry.register(command);
            commands.put(command.getName(), command);
        } catch (RuntimeException e) {
            LOG.warn("Could not register {}: {}", command.qualifiedName(), e.toString());
        }
    }

    private void unregister(KumoCommand command) {
        try {
            shellRegistry.unregister(command);
        } catch (RuntimeException e) {
            LOG.debug("Could not unregister {}: {}", command.qualifiedName(), e.toString());
        }
    }

    private static void close(AutoCloseable handle) {
        if (handle == null) {
            return;
        }
        try {
            handle.close();
        } catch (Exception e) {
            LOG.debug("Could not remove the operation listener: {}", e.toString());
        }
    }

    private static String describe(KumoCommand command) {
        return command instanceof OperationCommand oc ? "operation " + oc.descriptor().name() : "the shell itself";
    }
}
