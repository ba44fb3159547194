package io.kumo.core.plugin;

import io.kumo.api.error.ApiException;
import io.kumo.api.plugin.PluginService;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A URL a plugin is installed or upgraded from, checked before anything is installed: an allowed scheme
 * ({@link PluginService#URL_SCHEMES}), a file that exists, an HTTP host, a well-formed {@code mvn:} coordinate; and
 * what it points at (a bundle jar, a Karaf archive, or a features repository).
 *
 * @param text the URL as given (trimmed)
 * @param uri  the parsed URL
 * @param kind what it points at
 */
record PluginUrl(String text, URI uri, Kind kind) {
    /** What a plugin URL points at. */
    enum Kind {
        /** An OSGi bundle jar. */
        BUNDLE,
        /** A Karaf archive ({@code .kar}). */
        KAR,
        /** A Karaf features repository ({@code features.xml}); a feature name says what to install from it. */
        FEATURES
    }

    /** {@code mvn:[repository!]group/artifact[/version[/type[/classifier]]]}. */
    private static final Pattern MVN = Pattern.compile("([^!\\s]+!)?[^/\\s!]+/[^/\\s]+(/[^/\\s]*){0,3}");

    /**
     * @param param the parameter name, for messages
     * @param value the URL
     * @return the checked URL
     * @throws ApiException {@code SYS.1007} saying what is wrong and what to send instead
     */
    static PluginUrl parse(String param, String value) {
        String hint = "; send a mvn:group/artifact/version, file:/absolute/path.jar, http:// or https:// URL of a bundle jar, a .kar or a features.xml";
        if (value == null || value.isBlank()) {
            throw ApiException.invalidArgument("parameter '" + param + "' is empty" + hint);
        }
        String text = value.trim();
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw ApiException.invalidArgument("parameter '" + param + "' is not a valid URL (" + e.getReason() + ")" + hint);
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme == null || !PluginService.URL_SCHEMES.contains(scheme)) {
            throw ApiException.invalidArgument("parameter '" + param + "' has "
                    + (scheme == null ? "no scheme" : "scheme '" + scheme + ":'") + "; plugins install only from "
                    + new TreeSet<>(PluginService.URL_SCHEMES) + " URLs" + hint);
        }
        String path;
        switch (scheme) {
            case "file" -> {
                if (uri.isOpaque() || uri.getPath() == null || uri.getPath().isEmpty()) {
                    throw ApiException.invalidArgument("parameter '" + param + "' must name an absolute path, e.g. file:/opt/plugins/my-plugin.jar, not " + text);
                }
                Path file;
                try {
                    file = Path.of(uri);
                } catch (IllegalArgumentException e) {
                    throw ApiException.invalidArgument("parameter '" + param + "' is not a usable file URL (" + e.getMessage()
                            + "); send file:/absolute/path.jar");
                }
                if (!Files.isRegularFile(file)) {
                    throw ApiException.invalidArgument("parameter '" + param + "': no file " + file
                            + " on this management node; copy the plugin there first (plugins install per node)");
                }
                if (!Files.isReadable(file)) {
                    throw ApiException.invalidArgument("parameter '" + param + "': " + file
                            + " is not readable by the management node; fix its permissions");
                }
                path = uri.getPath();
            }
            case "http", "https" -> {
                if (uri.getHost() == null || uri.getPath() == null) {
                    throw ApiException.invalidArgument("parameter '" + param + "' must be a full URL with a host, e.g. https://repo.example.com/my-plugin.jar, not " + text);
                }
                path = uri.getPath();
            }
            default -> { // mvn
                String coordinates = uri.getSchemeSpecificPart();
                if (coordinates == null || !MVN.matcher(coordinates).matches()) {
                    throw ApiException.invalidArgument("parameter '" + param + "' is not a Maven URL: send mvn:group/artifact/version"
                            + " (add /kar or /xml/features for an archive or a features repository), not " + text);
                }
                String[] parts = coordinates.substring(coordinates.indexOf('!') + 1).split("/");
                String type = parts.length > 3 ? parts[3] : "jar";
                return new PluginUrl(text, uri, switch (type) {
                    case "kar" -> Kind.KAR;
                    case "xml" -> Kind.FEATURES;
                    default -> Kind.BUNDLE;
                });
            }
        }
        String lower = path.toLowerCase(Locale.ROOT);
        Kind kind = lower.endsWith(".kar") ? Kind.KAR : lower.endsWith(".xml") ? Kind.FEATURES : Kind.BUNDLE;
        return new PluginUrl(text, uri, kind);
    }
}
