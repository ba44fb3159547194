package io.kumo.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The REST servlet in an embedded Jetty 9.4 on 127.0.0.1 and a random port, with fakes behind it. */
final class RestTestServer implements AutoCloseable {
    static final String SESSION = "5d5f1f4e0c3a4f4f9d2c8b1a7e6f5a40";
    static final long MAX_BODY = 4096;
    static final int MAX_EVENT_STREAMS = 2;
    static final long HEARTBEAT_MILLIS = 200;

    final FakeOperationRegistry registry = new FakeOperationRegistry();
    final FakeOperationService operations = new FakeOperationService();
    final FakeJobService jobs = new FakeJobService();
    final FakeAuthenticationService authentication = new FakeAuthenticationService();
    final RouteCatalog catalog = new RouteCatalog("9.9.9-test");
    final EventStreams events = new EventStreams(MAX_EVENT_STREAMS);
    final ObjectMapper json = new ObjectMapper();
    private final Server server = new Server();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int port;

    RestTestServer() throws Exception {
        catalog.bind(registry);
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addServlet(new ServletHolder(new RestServlet(catalog, operations, jobs, authentication, MAX_BODY,
                events, HEARTBEAT_MILLIS)),
                "/zstack/*");
        server.setHandler(context);
        server.start();
        port = connector.getLocalPort();
    }

    int port() { return port; }

    URI uri(String pathAndQuery) { return URI.create("http://127.0.0.1:" + port + pathAndQuery); }

    HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(10));
    }

    HttpRequest.Builder authorized(String pathAndQuery) {
        return request(pathAndQuery).header("Authorization", "OAuth " + SESSION);
    }

    HttpResponse<String> send(HttpRequest.Builder builder) throws IOException, InterruptedException {
        return client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return send(authorized(pathAndQuery).GET());
    }

    HttpResponse<String> sendJson(String method, String path, String body) throws IOException, InterruptedException {
        return send(authorized(path).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)));
    }

    JsonNode parse(HttpResponse<String> response) throws IOException {
        return json.readTree(response.body());
    }

    @Override
    public void close() throws Exception {
        events.close();
        server.stop();
    }
}
