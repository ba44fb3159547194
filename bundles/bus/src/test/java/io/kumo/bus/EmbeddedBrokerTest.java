package io.kumo.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedBrokerTest {
    @TempDir
    Path dataDir;

    @Test
    void brokerBindsOnlyTheConfiguredLoopbackHost() throws Exception {
        try (BusFixture fixture = new BusFixture(dataDir)) {
            assertTrue(fixture.broker.isRunning());
            assertTrue(canConnect(InetAddress.getByName("127.0.0.1"), fixture.port), "127.0.0.1:" + fixture.port);
            for (InetAddress address : nonLoopbackAddresses()) {
                assertFalse(canConnect(address, fixture.port), "reachable on " + address + ":" + fixture.port);
            }
            assertTrue(Files.isDirectory(dataDir.resolve("journal")), "journal in the data directory");
            assertTrue(Files.isDirectory(dataDir.resolve("bindings")), "bindings in the data directory");
        }
    }

    @Test
    void stopReleasesThePort() throws Exception {
        BusFixture fixture = new BusFixture(dataDir);
        fixture.close();

        assertFalse(fixture.broker.isRunning());
        assertFalse(canConnect(InetAddress.getByName("127.0.0.1"), fixture.port));
    }

    @Test
    void nonLoopbackHostWithoutPasswordIsRefused() throws Exception {
        BusSettings settings = new BusSettings();
        settings.setHost("0.0.0.0");
        settings.setPort(BusFixture.freePort());
        settings.setDataDir(dataDir.toString());
        settings.setUser("kumo");
        EmbeddedBroker broker = new EmbeddedBroker(settings);

        IllegalStateException refused = assertThrows(IllegalStateException.class, broker::start);

        assertTrue(refused.getMessage().contains("0.0.0.0"), refused.getMessage());
        assertTrue(refused.getMessage().contains("password"), refused.getMessage());
        assertFalse(broker.isRunning());
        assertFalse(canConnect(InetAddress.getByName("127.0.0.1"), settings.getPort()));
    }

    @Test
    void configuredCredentialsAreRequired() throws Exception {
        try (BusFixture fixture = new BusFixture(dataDir, "kumo", "s3cret")) {
            ArtemisMessageBus local = fixture.inVmBus();
            ArtemisMessageBus remote = fixture.tcpBus("kumo", "s3cret");
            remote.serve("kumo.test.secured", request -> "secured " + request.body());

            assertEquals("secured ok", local.request("kumo.test.secured", "ok", Map.of(), Duration.ofSeconds(10))
                    .get(10, TimeUnit.SECONDS).body());
            assertThrows(Exception.class, () -> fixture.tcpBus("kumo", "wrong"));
            assertThrows(Exception.class, () -> fixture.tcpBus("", ""));
        }
    }

    @Test
    void settingsNeverShowThePassword() {
        BusSettings settings = new BusSettings();
        settings.setPassword("s3cret");
        settings.setEmbedded(false);
        settings.setUrl("tcp://broker:61616?password=s3cret");

        assertFalse(settings.toString().contains("s3cret"), settings.toString());
    }

    private static boolean canConnect(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static List<InetAddress> nonLoopbackAddresses() throws IOException {
        List<InetAddress> addresses = new ArrayList<>();
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                    addresses.add(address);
                }
            }
        }
        return addresses;
    }
}
