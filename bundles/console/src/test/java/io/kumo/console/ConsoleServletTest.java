package io.kumo.console;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.net.URI;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The console servlet on "/" beside a REST servlet on "/zstack/*", as the HTTP whiteboard registers them. */
class ConsoleServletTest {
    @TempDir
    Path files;
    private Server server;
    private int port;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        Files.createDirectories(files.resolve("console/assets"));
        Files.writeString(files.resolve("console/index.html"), "<html>index</html>");
        Files.writeString(files.resolve("console/assets/app-1234.js"), "console.log(1)");
        Files.writeString(files.resolve("secret.txt"), "outside the console folder");
        ClassLoader loader = new URLClassLoader(new java.net.URL[]{files.toUri().toURL()}, null);
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addServlet(new ServletHolder(new ConsoleServlet(loader, new ConsoleConfig("Acme \"Cloud\"", "/logo.png"))), "/");
        context.addServlet(new ServletHolder(new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
                resp.getWriter().write("rest");
            }
        }), "/zstack/*");
        server.setHandler(context);
        server.start();
        port = connector.getLocalPort();
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesFilesWithTypesAndCaching() throws Exception {
        HttpResponse<String> index = get("/");
        assertEquals(200, index.statusCode());
        assertEquals("<html>index</html>", index.body());
        assertEquals("no-cache", index.headers().firstValue("Cache-Control").orElse(""));
        HttpResponse<String> js = get("/assets/app-1234.js");
        assertEquals(200, js.statusCode());
        assertTrue(js.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));
        assertTrue(js.headers().firstValue("Cache-Control").orElse("").contains("immutable"));
    }

    @Test
    void clientRoutesFallBackToIndexButMissingFilesAre404() throws Exception {
        assertEquals("<html>index</html>", get("/resources/vm-instances/abc").body());
        assertEquals(404, get("/assets/missing-5678.js").statusCode());
    }

    @Test
    void neverServesOutsideTheConsoleFolderNorShadowsRest() throws Exception {
        for (String path : new String[]{"/../secret.txt", "/%2e%2e/secret.txt", "/assets/..%2f..%2fsecret.txt"}) {
            HttpResponse<String> r = get(path);
            assertTrue(r.statusCode() == 400 || r.statusCode() == 404, path + " -> " + r.statusCode());
            assertFalse(r.body().contains("outside"), path);
        }
        assertEquals("rest", get("/zstack/v1/zones").body());
    }

    @Test
    void servesTheProductConfigurationAsJson() throws Exception {
        HttpResponse<String> r = get("/console-config.json");
        assertEquals(200, r.statusCode());
        assertEquals("{\"productName\":\"Acme \\\"Cloud\\\"\",\"logoUrl\":\"/logo.png\"}", r.body());
        assertEquals("{\"productName\":\"Kumo\",\"logoUrl\":\"\"}", new ConsoleConfig(" ", null).toJson());
    }
}
