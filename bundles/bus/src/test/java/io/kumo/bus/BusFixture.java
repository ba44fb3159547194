package io.kumo.bus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** An embedded broker on a free loopback port in a temporary directory, plus the buses connected to it. */
final class BusFixture implements AutoCloseable {
    final int port = freePort();
    final EmbeddedBroker broker;
    private final Path dataDir;
    private final String user;
    private final String password;
    private final List<ArtemisMessageBus> buses = new ArrayList<>();

    BusFixture(Path dataDir) throws Exception {
        this(dataDir, "", "");
    }

    BusFixture(Path dataDir, String user, String password) throws Exception {
        this.dataDir = dataDir;
        this.user = user;
        this.password = password;
        broker = new EmbeddedBroker(brokerSettings());
        broker.start();
    }

    BusSettings brokerSettings() {
        BusSettings settings = new BusSettings();
        settings.setHost("127.0.0.1");
        settings.setPort(port);
        settings.setDataDir(dataDir.toString());
        settings.setUser(user);
        settings.setPassword(password);
        settings.setRequestThreads(8);
        return settings;
    }

    /** @return a started bus connected in-VM */
    ArtemisMessageBus inVmBus() throws Exception {
        return started(brokerSettings());
    }

    /** @return a started bus connected over TCP, as another management node would */
    ArtemisMessageBus tcpBus(String user, String password) throws Exception {
        BusSettings settings = new BusSettings();
        settings.setEmbedded(false);
        settings.setUrl("tcp://127.0.0.1:" + port);
        settings.setUser(user);
        settings.setPassword(password);
        settings.setRequestThreads(4);
        return started(settings);
    }

    private ArtemisMessageBus started(BusSettings settings) throws Exception {
        ArtemisMessageBus bus = new ArtemisMessageBus(settings);
        bus.start();
        buses.add(bus);
        return bus;
    }

    @Override
    public void close() {
        buses.forEach(ArtemisMessageBus::close);
        broker.stop();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
