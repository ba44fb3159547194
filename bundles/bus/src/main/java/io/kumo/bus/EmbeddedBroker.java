package io.kumo.bus;

import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.TransportConfiguration;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.remoting.impl.invm.InVMAcceptorFactory;
import org.apache.activemq.artemis.core.remoting.impl.netty.NettyAcceptorFactory;
import org.apache.activemq.artemis.core.remoting.impl.netty.TransportConstants;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.ActiveMQServers;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.settings.impl.AddressFullMessagePolicy;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.spi.core.remoting.Acceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kumo.bus.internal.SingleUserSecurityManager;

/**
 * The ActiveMQ Artemis broker a management node runs in its own JVM when {@code embedded=true}.
 * <p>
 * It persists its journal, bindings, paging and large messages under the data directory and accepts in-VM
 * connections plus one CORE acceptor on {@code host:port}. Security is off only when that host is a loopback address
 * and no credentials are configured: nothing outside this machine can reach it then. Any other host requires
 * {@code user} and {@code password}, or the broker refuses to start. Configured credentials always switch
 * authentication on. Expired and undeliverable messages are dropped, except the last {@value #KEPT_MESSAGES} of each,
 * kept in the ring queues {@value #EXPIRED_QUEUE} and {@value #DEAD_LETTER_QUEUE}.
 */
public final class EmbeddedBroker {
    /** Name of the in-VM acceptor. */
    public static final String IN_VM_ACCEPTOR = "in-vm";
    /** Name of the CORE network acceptor. */
    public static final String CORE_ACCEPTOR = "core";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedBroker.class);
    private static final long ADDRESS_MAX_SIZE_BYTES = 16L * 1024 * 1024;
    private static final int PAGE_SIZE_BYTES = 1024 * 1024;
    private static final int JOURNAL_FILE_SIZE = 2 * 1024 * 1024;
    private static final long ACTIVATION_TIMEOUT_SECONDS = 30;
    /** Keeps the last expired messages (requests nobody answered in time, late replies) for diagnosis. */
    static final String EXPIRED_QUEUE = "kumo.bus.expired";
    /** Keeps the last messages that could not be delivered. */
    static final String DEAD_LETTER_QUEUE = "kumo.bus.dead";
    private static final long KEPT_MESSAGES = 100;

    private final BusSettings settings;
    private ActiveMQServer server;

    /** @param settings the bus settings */
    public EmbeddedBroker(BusSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Starts the broker when the settings ask for an embedded one; does nothing otherwise.
     *
     * @throws IllegalStateException when the settings would expose an unauthenticated broker, or the broker
     *                               cannot listen on its address
     * @throws Exception             when Artemis fails to start
     */
    public synchronized void start() throws Exception {
        if (!settings.isEmbedded()) {
            log.info("Kumo bus: no embedded broker, the bus uses the broker at {}", settings.safeConnectUrl());
            return;
        }
        if (server != null) {
            return;
        }
        boolean secured = checkExposure();
        Path dataDir = settings.resolvedDataDir().toAbsolutePath();
        Files.createDirectories(dataDir);
        ActiveMQServer candidate = ActiveMQServers.newActiveMQServer(configuration(dataDir, secured), null,
                new SingleUserSecurityManager(settings.getUser(), settings.getPassword()), true);
        try {
            candidate.start();
            if (!candidate.waitForActivation(ACTIVATION_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the embedded Artemis broker did not become active within "
                        + ACTIVATION_TIMEOUT_SECONDS + " s; see the log of its journal in " + dataDir);
            }
            Acceptor acceptor = candidate.getRemotingService().getAcceptor(CORE_ACCEPTOR);
            if (acceptor == null || !acceptor.isStarted()) {
                throw new IllegalStateException("the embedded Artemis broker cannot listen on " + settings.getHost()
                        + ":" + settings.getPort() + "; free that port or set port in etc/io.kumo.bus.cfg");
            }
        } catch (Exception e) {
            stopQuietly(candidate);
            log.error("Kumo bus: the embedded broker failed to start: {}", e.getMessage());
            throw e;
        }
        server = candidate;
        log.info("Kumo bus: embedded Artemis broker active on {}:{} (CORE) and in-VM, data in {}, authentication {}",
                settings.getHost(), settings.getPort(), dataDir, secured ? "on" : "off (loopback only)");
    }

    /** Stops the broker if it runs. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        ActiveMQServer running = server;
        server = null;
        stopQuietly(running);
        log.info("Kumo bus: embedded Artemis broker stopped");
    }

    /** @return whether the embedded broker is active */
    public synchronized boolean isRunning() {
        return server != null && server.isActive();
    }

    /** @return whether authentication must be on */
    private boolean checkExposure() {
        boolean loopback;
        try {
            loopback = settings.isLoopbackHost();
        } catch (UnknownHostException e) {
            String message = "io.kumo.bus: host " + settings.getHost() + " does not resolve; set host to an address "
                    + "of this machine (127.0.0.1 by default)";
            log.error("{}", message);
            throw new IllegalStateException(message, e);
        }
        if (!loopback && !settings.hasCredentials()) {
            String message = "io.kumo.bus: refusing to start the embedded broker on non-loopback host "
                    + settings.getHost() + " without authentication; set user and password in etc/io.kumo.bus.cfg "
                    + "(or KUMO_BUS_USER / KUMO_BUS_PASSWORD), or bind host to 127.0.0.1";
            log.error("{}", message);
            throw new IllegalStateException(message);
        }
        return settings.hasCredentials();
    }

    private Configuration configuration(Path dataDir, boolean secured) {
        AddressSettings everyAddress = new AddressSettings()
                .setAutoCreateAddresses(true)
                .setAutoCreateQueues(true)
                .setAutoDeleteAddresses(true)
                .setAutoDeleteQueues(true)
                .setMaxSizeBytes(ADDRESS_MAX_SIZE_BYTES)
                .setPageSizeBytes(PAGE_SIZE_BYTES)
                .setAddressFullMessagePolicy(AddressFullMessagePolicy.PAGE)
                .setExpiryAddress(SimpleString.of(EXPIRED_QUEUE))
                .setDeadLetterAddress(SimpleString.of(DEAD_LETTER_QUEUE));
        return new ConfigurationImpl()
                .setName("kumo")
                .setPersistenceEnabled(true)
                .setJournalType(JournalType.NIO)
                .setJournalFileSize(JOURNAL_FILE_SIZE)
                .setJournalMinFiles(2)
                .setJournalDirectory(dataDir.resolve("journal").toString())
                .setBindingsDirectory(dataDir.resolve("bindings").toString())
                .setPagingDirectory(dataDir.resolve("paging").toString())
                .setLargeMessagesDirectory(dataDir.resolve("large-messages").toString())
                .setSecurityEnabled(secured)
                .setJMXManagementEnabled(false)
                .addAcceptorConfiguration(new TransportConfiguration(InVMAcceptorFactory.class.getName(),
                        Map.of(org.apache.activemq.artemis.core.remoting.impl.invm.TransportConstants.SERVER_ID_PROP_NAME,
                                0),
                        IN_VM_ACCEPTOR))
                .addAcceptorConfiguration(new TransportConfiguration(NettyAcceptorFactory.class.getName(),
                        Map.of(TransportConstants.HOST_PROP_NAME, settings.getHost(),
                                TransportConstants.PORT_PROP_NAME, settings.getPort(),
                                TransportConstants.PROTOCOLS_PROP_NAME, "CORE"),
                        CORE_ACCEPTOR))
                .addAddressSetting("#", everyAddress)
                .addQueueConfiguration(ringQueue(EXPIRED_QUEUE))
                .addQueueConfiguration(ringQueue(DEAD_LETTER_QUEUE));
    }

    private static QueueConfiguration ringQueue(String name) {
        return QueueConfiguration.of(name)
                .setRoutingType(RoutingType.ANYCAST)
                .setDurable(false)
                .setRingSize(KEPT_MESSAGES);
    }

    private static void stopQuietly(ActiveMQServer server) {
        try {
            server.stop();
        } catch (Exception e) {
            log.warn("Kumo bus: the embedded broker did not stop cleanly: {}", e.toString());
        }
    }
}
