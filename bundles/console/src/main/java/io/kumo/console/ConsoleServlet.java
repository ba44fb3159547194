package io.kumo.console;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Serves the web console, a single-page application, at {@code /}: the built files packed in this bundle under
 * {@code console/}, {@code /console-config.json} (product name and logo), and {@code index.html} for every other
 * path without a file extension (a client-side route). Registered as the default servlet ({@code /}), so the REST
 * API's longer prefix {@code /zstack/*} always wins.
 */
public final class ConsoleServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    /** Where the built application lives in the bundle. */
    static final String ROOT = "console/";
    private static final String INDEX = "index.html";
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html;charset=UTF-8"), Map.entry("js", "text/javascript;charset=UTF-8"),
            Map.entry("mjs", "text/javascript;charset=UTF-8"), Map.entry("css", "text/css;charset=UTF-8"),
            Map.entry("json", "application/json;charset=UTF-8"), Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"), Map.entry("ico", "image/x-icon"), Map.entry("woff2", "font/woff2"),
            Map.entry("woff", "font/woff"), Map.entry("txt", "text/plain;charset=UTF-8"),
            Map.entry("map", "application/json;charset=UTF-8"));

    private final transient ClassLoader files;
    private final transient ConsoleConfig config;

    /**
     * @param files  finds the built files (the bundle's class loader)
     * @param config the product name and logo
     */
    public ConsoleServlet(ClassLoader files, ConsoleConfig config) {
        this.files = files;
        this.config = config;
    }

    /** Blueprint factory: the files of this bundle. */
    public static ConsoleServlet ofBundle(ConsoleConfig config) {
        return new ConsoleServlet(ConsoleServlet.class.getClassLoader(), config);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        serve(req, resp, true);
    }

    @Override
    protected void doHead(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        serve(req, resp, false);
    }

    private void serve(HttpServletRequest req, HttpServletResponse resp, boolean body) throws IOException {
        String path = path(req);
        resp.setHeader("X-Content-Type-Options", "nosniff");
        if (path.equals("console-config.json")) {
            reply(resp, "application/json;charset=UTF-8", "no-cache", config.toJson().getBytes(StandardCharsets.UTF_8), body);
            return;
        }
        if (path.contains("..") || path.contains("\\") || path.startsWith("/")) {
            resp.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        URL file = path.isEmpty() || path.endsWith("/") ? null : files.getResource(ROOT + path);
        if (file == null) {
            if (extension(path).isEmpty()) {
                file = files.getResource(ROOT + INDEX);
                path = INDEX;
            }
            if (file == null) {
                resp.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
        }
        byte[] bytes;
        try (InputStream in = file.openStream()) {
            bytes = in.readAllBytes();
        }
        String cache = path.startsWith("assets/") ? "public, max-age=31536000, immutable" : "no-cache";
        reply(resp, TYPES.getOrDefault(extension(path), "application/octet-stream"), cache, bytes, body);
    }

    private static void reply(HttpServletResponse resp, String type, String cache, byte[] bytes, boolean body)
            throws IOException {
        resp.setStatus(HttpServletResponse.SC_OK);
        resp.setContentType(type);
        resp.setHeader("Cache-Control", cache);
        resp.setContentLength(bytes.length);
        if (body) {
            resp.getOutputStream().write(bytes);
        }
    }

    /** @return the request path below the context, without the leading slash */
    static String path(HttpServletRequest req) {
        String servletPath = req.getServletPath() == null ? "" : req.getServletPath();
        String info = req.getPathInfo() == null ? "" : req.getPathInfo();
        String full = servletPath + info;
        return full.startsWith("/") ? full.substring(1) : full;
    }

    /** @return the extension of the last path segment, lower case, or "" */
    static String extension(String path) {
        String last = path.substring(path.lastIndexOf('/') + 1);
        int dot = last.lastIndexOf('.');
        return dot < 0 ? "" : last.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
