package io.kumo.compute.console;

import io.kumo.api.hypervisor.ConsoleEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The console proxy of a management node: a small RFC 6455 WebSocket server (noVNC's convention,
 * {@code ws://host:port/websockify?token=...}) that redeems a single-use token from {@link ConsoleTokens}, connects to
 * the VM's VNC endpoint and relays bytes both ways (binary frames; text frames are accepted too; ping answered by pong;
 * close answered and the VNC connection closed). An unknown, used or expired token is refused at the handshake with
 * HTTP 403. Listens on {@code address:port} from {@code etc/io.kumo.console.proxy.cfg} (127.0.0.1:4900 by default).
 */
public class ConsoleProxy {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleProxy.class);
    private static final int MAX_HEADER = 16 * 1024;
    private static final int CONNECT_TIMEOUT_MS = 5000;

    private final ConsoleTokens tokens;
    private final String address;
    private final int port;
    private final String hostname;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "kumo-console-proxy");
        t.setDaemon(true);
        return t;
    });
    private volatile ServerSocket server;

    /**
     * @param tokens   the tokens it redeems
     * @param address  the address to listen on
     * @param port     the port (0: any free one)
     * @param hostname the name clients are told to connect to (empty: the listening address)
     */
    public ConsoleProxy(ConsoleTokens tokens, String address, int port, String hostname) {
        this.tokens = tokens;
        this.address = address;
        this.port = port;
        this.hostname = hostname == null || hostname.isBlank() ? address : hostname;
    }

    /** Starts listening; a port in use is logged and leaves the proxy stopped (console requests then answer 503). */
    public void start() {
        try {
            ServerSocket s = new ServerSocket();
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getByName(address), port));
            server = s;
            threads.execute(this::acceptLoop);
            LOG.info("console proxy listening on {}:{}", address, s.getLocalPort());
        } catch (IOException e) {
            LOG.error("console proxy cannot listen on {}:{} ({}); set address and port in etc/io.kumo.console.proxy.cfg",
                    address, port, e.getMessage());
        }
    }

    /** Stops listening and closes every relayed connection. */
    public void stop() {
        ServerSocket s = server;
        server = null;
        closeQuietly(s);
        open.forEach(ConsoleProxy::closeQuietly);
        threads.shutdownNow();
    }

    /** @return true while listening */
    public boolean running() { return server != null && !server.isClosed(); }

    /** @return the port it listens on */
    public int port() {
        ServerSocket s = server;
        return s == null ? port : s.getLocalPort();
    }

    /** @return the host name clients connect to */
    public String hostname() { return hostname; }

    private void acceptLoop() {
        ServerSocket s;
        while ((s = server) != null) {
            try {
                Socket client = s.accept();
                open.add(client);
                threads.execute(() -> serve(client));
            } catch (IOException e) {
                if (server != null) {
                    LOG.warn("console proxy accept failed: {}", e.getMessage());
                }
            }
        }
    }

    private void serve(Socket client) {
        Socket vnc = null;
        try (client) {
            client.setSoTimeout(10_000);
            InputStream in = new BufferedInputStream(client.getInputStream());
            OutputStream out = client.getOutputStream();
            Request request = Request.read(in);
            if (request == null) {
                return;
            }
            if (!"GET".equals(request.method) || !"/websockify".equals(request.path)
                    || !"websocket".equalsIgnoreCase(request.headers.getOrDefault("upgrade", ""))
                    || request.headers.get("sec-websocket-key") == null) {
                reply(out, "400 Bad Request", "expected a WebSocket upgrade of GET /websockify?token=...");
                return;
            }
            Optional<ConsoleTokens.Grant> grant = tokens.redeem(request.query.get("token"));
            if (grant.isEmpty()) {
                reply(out, "403 Forbidden", "the console token is unknown, used or expired; request console access again");
                return;
            }
            ConsoleEndpoint endpoint = grant.get().endpoint();
            vnc = new Socket();
            try {
                vnc.connect(new InetSocketAddress(endpoint.hostname(), endpoint.port()), CONNECT_TIMEOUT_MS);
            } catch (IOException e) {
                reply(out, "502 Bad Gateway", "the console of VM " + grant.get().vmUuid() + " does not answer");
                return;
            }
            open.add(vnc);
            StringBuilder head = new StringBuilder("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Accept: "
                    + WebSocketFrames.acceptKey(request.headers.get("sec-websocket-key")) + "\r\n");
            String protocols = request.headers.getOrDefault("sec-websocket-protocol", "");
            if (protocols.contains("binary")) {
                head.append("Sec-WebSocket-Protocol: binary\r\n");
            }
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            client.setSoTimeout(0);
            LOG.info("console of VM {} opened from {}", grant.get().vmUuid(), client.getRemoteSocketAddress());
            Socket target = vnc;
            threads.execute(() -> pumpToClient(target, client, out));
            pumpToVnc(in, out, vnc);
        } catch (IOException e) {
            LOG.debug("console connection ended: {}", e.getMessage());
        } finally {
            closeQuietly(vnc);
            open.remove(client);
            if (vnc != null) {
                open.remove(vnc);
            }
        }
    }

    /** Client frames to the VNC server, until close or error. */
    private static void pumpToVnc(InputStream in, OutputStream out, Socket vnc) throws IOException {
        OutputStream toVnc = vnc.getOutputStream();
        while (true) {
            WebSocketFrames.Frame f = WebSocketFrames.read(in, true);
            if (f == null) {
                return;
            }
            switch (f.opcode()) {
                case WebSocketFrames.BINARY, WebSocketFrames.TEXT, WebSocketFrames.CONTINUATION -> {
                    toVnc.write(f.payload());
                    toVnc.flush();
                }
                case WebSocketFrames.PING -> send(out, WebSocketFrames.PONG, f.payload(), f.payload().length);
                case WebSocketFrames.CLOSE -> {
                    send(out, WebSocketFrames.CLOSE, f.payload(), Math.min(f.payload().length, 2));
                    return;
                }
                case WebSocketFrames.PONG -> { }
                default -> throw new IOException("unknown opcode " + f.opcode());
            }
        }
    }

    /** VNC bytes to the client as binary frames; a close frame when the VNC server hangs up. */
    private static void pumpToClient(Socket vnc, Socket client, OutputStream out) {
        byte[] buffer = new byte[64 * 1024];
        try {
            InputStream fromVnc = vnc.getInputStream();
            int n;
            while ((n = fromVnc.read(buffer)) > 0) {
                send(out, WebSocketFrames.BINARY, buffer, n);
            }
            send(out, WebSocketFrames.CLOSE, new byte[] {0x03, (byte) 0xE8}, 2);
        } catch (IOException e) {
            LOG.debug("console relay to client ended: {}", e.getMessage());
        } finally {
            closeQuietly(client);
        }
    }

    private static void send(OutputStream out, int opcode, byte[] payload, int len) throws IOException {
        synchronized (out) {
            WebSocketFrames.write(out, opcode, payload, 0, len);
        }
    }

    private static void reply(OutputStream out, String status, String message) throws IOException {
        byte[] body = (message + "\n").getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 " + status + "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    private static void closeQuietly(java.io.Closeable c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    /** The request line and headers of the handshake. */
    static final class Request {
        String method;
        String path;
        final Map<String, String> query = new HashMap<>();
        final Map<String, String> headers = new HashMap<>();

        /** @return the request, or null if the client sent nothing @throws IOException if malformed or too long */
        static Request read(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int state = 0;
            int b;
            while (state < 4 && (b = in.read()) >= 0) {
                head.write(b);
                if (head.size() > MAX_HEADER) {
                    throw new IOException("handshake headers too long");
                }
                state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3)) ? state + 1 : 0;
            }
            if (head.size() == 0) {
                return null;
            }
            String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
            String[] first = lines[0].split(" ");
            if (first.length < 3) {
                throw new IOException("malformed request line");
            }
            Request r = new Request();
            r.method = first[0];
            String target = first[1];
            int q = target.indexOf('?');
            r.path = q < 0 ? target : target.substring(0, q);
            if (q >= 0) {
                for (String pair : target.substring(q + 1).split("&")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0) {
                        r.query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                                URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                    }
                }
            }
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    r.headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
                }
            }
            return r;
        }
    }
}
