package io.kumo.kvm.host;

import io.kumo.api.hypervisor.HostConnection;
import io.kumo.api.hypervisor.VmPowerState;
import io.kumo.kvm.event.DomainEvents;
import io.kumo.kvm.event.EventSinks;
import io.kumo.kvm.event.LibvirtEventLoop;
import org.libvirt.Connect;
import org.libvirt.ConnectAuth;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;
import org.libvirt.event.ConnectionCloseReason;
import org.libvirt.event.DomainEvent;
import org.libvirt.event.LifecycleListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One libvirt connection per host, opened on first use and reused (the test driver's state lives as long as its
 * connection). Each connection has keepalive, a close listener and a lifecycle listener: when libvirt closes it
 * (libvirtd restarted, network lost, keepalive timeout) the host is reported disconnected and forgotten, so the next
 * call reconnects; domain lifecycle events that Kumo did not cause are reported as VM state changes.
 */
public class LibvirtConnections implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LibvirtConnections.class);
    /** Keepalive: a probe every 5 s, the connection closed after 3 unanswered ones. */
    private static final int KEEPALIVE_INTERVAL = 5;
    private static final int KEEPALIVE_COUNT = 3;

    private final Map<String, Link> links = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    /** How long an expected event is waited for before it no longer hides a real one. */
    private static final long EXPECTATION_MS = 60_000;
    /**
     * The states Kumo's own calls are about to put each VM in, per host, in order: events that match them are Kumo's
     * own doing and are not reported back.
     */
    private final Map<String, Deque<Expected>> expected = new ConcurrentHashMap<>();

    /** The state each VM was last seen in through events, per host: an event repeating it is no change. */
    private final Map<String, VmPowerState> lastSeen = new ConcurrentHashMap<>();

    private record Expected(VmPowerState state, long until) { }
    private final EventSinks sinks;
    private final ExecutorService opener;

    /** @param sinks where events go */
    public LibvirtConnections(EventSinks sinks) {
        this.sinks = sinks;
        AtomicInteger n = new AtomicInteger();
        this.opener = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "kumo-kvm-io-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** A host's open connection. */
    static final class Link {
        final String hostUuid;
        final String uri;
        final Connect connect;
        volatile LifecycleListener lifecycle;
        volatile boolean closed;

        Link(String hostUuid, String uri, Connect connect) {
            this.hostUuid = hostUuid;
            this.uri = uri;
            this.connect = connect;
        }
    }

    /**
     * @param host a host
     * @return its open connection, opening one if there is none or the URI changed
     * @throws KvmException if it cannot be opened; the message says what to check
     */
    public Connect get(HostConnection host) throws KvmException {
        return link(host).connect;
    }

    /** @param host a host @return its link, opened if needed @throws KvmException if it cannot be opened */
    Link link(HostConnection host) throws KvmException {
        KvmHostSettings settings = KvmHostSettings.of(host);
        Link link = links.get(host.hostUuid());
        if (link != null && !link.closed && link.uri.equals(settings.uri())) {
            return link;
        }
        synchronized (locks.computeIfAbsent(host.hostUuid(), k -> new Object())) {  // one host's slow open blocks no other
            link = links.get(host.hostUuid());
            if (link != null && !link.closed && link.uri.equals(settings.uri())) {
                return link;
            }
            if (link != null) {
                forget(host.hostUuid());
            }
            Link opened = open(host, settings);
            links.put(host.hostUuid(), opened);
            return opened;
        }
    }

    /** @param hostUuid a host @return whether a connection to it is open */
    public boolean isOpen(String hostUuid) {
        Link link = links.get(hostUuid);
        return link != null && !link.closed;
    }

    /** @param hostUuid a host @return its open connection, or null */
    public Connect current(String hostUuid) {
        Link link = links.get(hostUuid);
        return link == null || link.closed ? null : link.connect;
    }

    private Link open(HostConnection host, KvmHostSettings settings) throws KvmException {
        String uri = settings.uri();
        try {
            LibvirtEventLoop.ensureRunning();
        } catch (LibvirtException | LinkageError e) {
            throw new KvmException("cannot start libvirt's event loop (" + message(e)
                    + "); check that the libvirt client library (Debian package libvirt0) is installed on the management node", e);
        }
        Connect connect = call(settings.connectTimeout(), () -> new Connect(uri, new Credentials(host), 0),
                "connecting to libvirt at " + uri + " for host " + host.hostUuid(), uri);
        Link link = new Link(host.hostUuid(), uri, connect);
        if (!uri.startsWith("test:")) {
            try {
                connect.setKeepAlive(KEEPALIVE_INTERVAL, KEEPALIVE_COUNT);
            } catch (LibvirtException e) {
                LOG.debug("no keepalive on {}: {}", uri, e.getMessage());
            }
        }
        try {
            connect.registerCloseListener((c, reason) -> closed(link, reason));
        } catch (LibvirtException e) {
            LOG.debug("no close callback on {}: {}", uri, e.getMessage());
        }
        try {
            Lifecycle lifecycle = new Lifecycle(link);
            connect.addLifecycleListener(lifecycle);
            link.lifecycle = lifecycle;
        } catch (LibvirtException e) {
            LOG.warn("no domain events from host {} ({}): VM state changes outside Kumo are seen at the next sync",
                    host.hostUuid(), e.getMessage());
        }
        LOG.info("connected to KVM host {} at {}", host.hostUuid(), uri);
        return link;
    }

    private void closed(Link link, ConnectionCloseReason reason) {
        if (reason == ConnectionCloseReason.CLIENT || link.closed) {
            return;
        }
        link.closed = true;
        links.remove(link.hostUuid, link);
        String why = switch (reason) {
            case EOF -> "libvirtd closed the connection (stopped or restarted?)";
            case KEEPALIVE -> "libvirtd stopped answering keepalive probes (host down or network lost?)";
            case ERROR -> "the connection failed (network error?)";
            default -> "the connection was closed";
        };
        sinks.hostDisconnected(link.hostUuid, "libvirt connection to " + link.uri + " lost: " + why
                + "; Kumo reconnects at the next connect");
        opener.execute(() -> quietClose(link));
    }

    /** Reacts to domain lifecycle events. */
    private final class Lifecycle implements LifecycleListener {
        private final Link link;

        Lifecycle(Link link) {
            this.link = link;
        }

        @Override
        public int onLifecycleChange(Domain domain, DomainEvent event) {
            try {
                VmPowerState state = DomainEvents.state(event);
                String vm = domain.getName();
                if (state == null || !KvmHypervisorBackend.isVmName(vm)) {
                    return 0;
                }
                if (isNews(key(link.hostUuid, vm), state)) {
                    sinks.vmStateChanged(link.hostUuid, vm, state,
                            DomainEvents.reason(event.getType(), event.getDetail()));
                }
            } catch (LibvirtException | RuntimeException e) {
                LOG.warn("cannot handle a domain event from host {}: {}", link.hostUuid, e.getMessage());
            }
            return 0;
        }
    }

    /**
     * Records a state Kumo is about to put a VM in, so the event it causes is not reported back.
     *
     * @param hostUuid the host
     * @param vmUuid   the VM
     * @param state    the state it will be in
     */
    public void expect(String hostUuid, String vmUuid, VmPowerState state) {
        Deque<Expected> q = expected.computeIfAbsent(key(hostUuid, vmUuid), k -> new ArrayDeque<>());
        synchronized (q) {
            q.addLast(new Expected(state, System.currentTimeMillis() + EXPECTATION_MS));
        }
    }

    /**
     * Forgets what Kumo expected of a VM, after a call that failed.
     *
     * @param hostUuid the host
     * @param vmUuid   the VM
     */
    public void unexpect(String hostUuid, String vmUuid) {
        expected.remove(key(hostUuid, vmUuid));
    }

    /**
     * @return true if an event putting the VM in this state is news to the kernel: not a repeat of the state last seen
     *         (qemu reports a start as started and resumed) and not a state Kumo's own call expected (consumed)
     */
    private boolean isNews(String key, VmPowerState state) {
        if (lastSeen.put(key, state) == state) {
            return false;
        }
        Deque<Expected> q = expected.get(key);
        if (q == null) {
            return true;
        }
        synchronized (q) {
            long now = System.currentTimeMillis();
            q.removeIf(e -> e.until() < now);
            for (Iterator<Expected> it = q.iterator(); it.hasNext(); ) {
                if (it.next().state() == state) {
                    it.remove();
                    return false;
                }
            }
            return true;
        }
    }

    private static String key(String hostUuid, String vmUuid) {
        return hostUuid + "/" + vmUuid;
    }

    /**
     * Runs a libvirt call that may hang (connecting to an unreachable host) with a timeout.
     *
     * @param timeout how long to wait
     * @param call    the call
     * @param what    what it does, for the message
     * @param uri     the URI, for the message
     * @return its result
     * @throws KvmException with what to check if it fails or times out
     */
    <T> T call(Duration timeout, Callable<T> call, String what, String uri) throws KvmException {
        Future<T> f = opener.submit(call);
        try {
            return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new KvmException(what + " timed out after " + timeout.toSeconds() + " s; check that the host is up, "
                    + "that libvirtd listens there and that no firewall drops the connection");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KvmException(what + " was interrupted");
        } catch (ExecutionException e) {
            throw explain(what, uri, e.getCause());
        }
    }

    /** @return a KvmException telling the operator what to check for a failure to reach libvirt */
    static KvmException explain(String what, String uri, Throwable cause) {
        if (cause instanceof LinkageError) {
            return new KvmException(what + " failed: the libvirt client library cannot be loaded (" + message(cause)
                    + "); install the Debian package libvirt0 on the management node", cause);
        }
        String m = message(cause);
        String lower = m.toLowerCase(java.util.Locale.ROOT);
        String hint;
        if (lower.contains("auth") || lower.contains("permission denied") || lower.contains("password")) {
            hint = "check the username and password (or SSH key) and libvirtd's auth settings";
        } else if (lower.contains("connection refused") || lower.contains("no route") || lower.contains("unable to connect")
                || lower.contains("cannot recv") || lower.contains("end of file") || lower.contains("timed out")) {
            hint = "check that the host is up, that libvirtd runs and listens at " + uri
                    + " (listen_tcp/listen_tls, or sshd for qemu+ssh) and that the port is reachable";
        } else {
            hint = "check the libvirt URI " + uri + ", that libvirtd runs on the host and the credentials";
        }
        return new KvmException(what + " failed: " + m + "; " + hint, cause);
    }

    private static String message(Throwable t) {
        if (t instanceof LibvirtException le && le.getError() != null && le.getError().getMessage() != null) {
            return le.getError().getMessage().trim();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage().trim();
    }

    /**
     * Closes and forgets a host's connection; quiet if there is none.
     *
     * @param hostUuid the host
     */
    public void forget(String hostUuid) {
        Link link = links.remove(hostUuid);
        if (link != null) {
            link.closed = true;
            quietClose(link);
        }
        expected.keySet().removeIf(k -> k.startsWith(hostUuid + "/"));
        lastSeen.keySet().removeIf(k -> k.startsWith(hostUuid + "/"));
    }

    private static void quietClose(Link link) {
        try {
            try {  // libvirt-java fails on events reaching a closed connection: stop them first
                if (link.lifecycle != null) {
                    link.connect.removeLifecycleListener(link.lifecycle);
                }
            } catch (LibvirtException | RuntimeException e) {
                LOG.trace("removing the lifecycle listener: {}", e.getMessage());
            }
            try {
                link.connect.unregisterCloseListener();
            } catch (LibvirtException | RuntimeException e) {
                LOG.trace("unregistering the close listener: {}", e.getMessage());
            }
            link.connect.close();
        } catch (LibvirtException | RuntimeException e) {
            LOG.debug("closing the connection to {}: {}", link.uri, e.getMessage());
        }
    }

    /** @return the executor for blocking libvirt calls (pings) */
    ExecutorService executor() {
        return opener;
    }

    /** Closes every connection. */
    @Override
    public void close() {
        for (String host : links.keySet()) {
            forget(host);
        }
        opener.shutdownNow();
    }

    /** Answers libvirt's credential prompts with the host's username and password; never logs them. */
    static final class Credentials extends ConnectAuth {
        private final String username;
        private final String password;

        Credentials(HostConnection host) {
            this.username = host.username();
            this.password = host.password();
            this.credType = new CredentialType[] {CredentialType.VIR_CRED_AUTHNAME, CredentialType.VIR_CRED_USERNAME,
                    CredentialType.VIR_CRED_PASSPHRASE, CredentialType.VIR_CRED_NOECHOPROMPT,
                    CredentialType.VIR_CRED_ECHOPROMPT};
        }

        @Override
        public int callback(Credential[] credentials) {
            for (Credential c : credentials) {
                switch (c.type) {
                    case VIR_CRED_AUTHNAME, VIR_CRED_USERNAME, VIR_CRED_ECHOPROMPT -> {
                        if (username == null) {
                            return -1;
                        }
                        c.result = username;
                    }
                    case VIR_CRED_PASSPHRASE, VIR_CRED_NOECHOPROMPT -> {
                        if (password == null) {
                            return -1;
                        }
                        c.result = password;
                    }
                    default -> {
                        return -1;
                    }
                }
            }
            return 0;
        }
    }
}
