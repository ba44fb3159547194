package io.kumo.storage.imagestore;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The images exported for download: an unguessable token per exported image, kept in memory. After a restart the
 * links are gone; exporting again makes a new one. Served by {@link ImageExportServlet} at
 * {@code <baseUrl>/imagestore/download/<token>/<file name>}.
 */
public class ImageExports implements io.kumo.storage.qemuimg.ImageExporter {
    /** Where the servlet is registered. */
    public static final String PATH = "/imagestore/download";

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Export> byToken = new ConcurrentHashMap<>();
    private final Map<String, String> tokenByImage = new ConcurrentHashMap<>();
    private final String baseUrl;

    /**
     * One export.
     *
     * @param token     its secret
     * @param imageUuid the image
     * @param file      the image file
     */
    public record Export(String token, String imageUuid, Path file) {
        /** @return the file name in the link */
        public String fileName() {
            return file.getFileName().toString();
        }
    }

    /** @param baseUrl the node's HTTP address as hosts and browsers reach it, e.g. {@code http://10.0.0.1:8080}; empty for the default */
    public ImageExports(String baseUrl) {
        this.baseUrl = baseUrl == null || baseUrl.isBlank() ? defaultBaseUrl() : stripSlash(baseUrl.strip());
    }

    /** @return the HTTP address of this node from KUMO_HTTP_HOST / KUMO_HTTP_PORT (or org.osgi.service.http.port), by default http://127.0.0.1:8080 */
    static String defaultBaseUrl() {
        String host = System.getenv("KUMO_HTTP_HOST");
        if (host == null || host.isBlank() || host.equals("0.0.0.0")) {
            host = "127.0.0.1";
        }
        String port = System.getenv("KUMO_HTTP_PORT");
        if (port == null || port.isBlank()) {
            port = System.getProperty("org.osgi.service.http.port", "8080");
        }
        return "http://" + host + ":" + port;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** @return the address links start with */
    public String baseUrl() {
        return baseUrl;
    }

    /**
     * @param imageUuid the image
     * @param file      its file
     * @return its download link (the same one while it stays exported)
     */
    @Override
    public synchronized String export(String imageUuid, Path file) {
        String token = tokenByImage.get(imageUuid);
        Export existing = token == null ? null : byToken.get(token);
        if (existing == null || !existing.file().equals(file)) {
            if (existing != null) {
                byToken.remove(token);
            }
            byte[] secret = new byte[24];
            random.nextBytes(secret);
            token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
            byToken.put(token, new Export(token, imageUuid, file));
            tokenByImage.put(imageUuid, token);
        }
        return url(byToken.get(token));
    }

    /** @param export an export @return its link */
    public String url(Export export) {
        return baseUrl + PATH + "/" + export.token() + "/" + export.fileName();
    }

    /** @param imageUuid an image; nothing happens if it is not exported */
    @Override
    public synchronized void withdraw(String imageUuid) {
        String token = tokenByImage.remove(imageUuid);
        if (token != null) {
            byToken.remove(token);
        }
    }

    @Override
    public boolean isExported(String imageUuid) {
        String token = tokenByImage.get(imageUuid);
        return token != null && byToken.containsKey(token);
    }

    @Override
    public boolean reachableFromHosts() {
        String host = java.net.URI.create(baseUrl).getHost();
        return host != null && !host.equals("localhost") && !host.startsWith("127.") && !host.equals("[::1]");
    }

    /** @param token a link's secret @return its export, if it is still there */
    public Optional<Export> find(String token) {
        return Optional.ofNullable(token == null ? null : byToken.get(token));
    }
}
