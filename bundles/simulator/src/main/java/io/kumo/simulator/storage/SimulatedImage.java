package io.kumo.simulator.storage;

import io.kumo.simulator.SimulatorException;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * What a simulated download finds at an image URL: the size in its {@code size} query parameter (e.g.
 * {@code http://x/img.qcow2?size=1073741824}, default 1 GiB), the format declared or given by the extension, and the
 * MD5 of the URL itself.
 *
 * @param size   bytes
 * @param format {@code qcow2}, {@code raw} or {@code iso}
 * @param md5Sum hex MD5
 */
public record SimulatedImage(long size, String format, String md5Sum) {
    /** The size of an image whose URL does not say: 1 GiB. */
    public static final long DEFAULT_SIZE = 1L << 30;

    /**
     * @param url            the image URL
     * @param declaredFormat the format the image was added with, or null
     * @return what is found there
     * @throws SimulatorException if the URL is malformed or its size is not a number of bytes
     */
    public static SimulatedImage at(String url, String declaredFormat) throws SimulatorException {
        if (url == null || url.isBlank()) {
            throw new SimulatorException("the image has no URL to download from");
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new SimulatorException("cannot download " + url + ": not a valid URL (" + e.getReason() + ")");
        }
        return new SimulatedImage(size(uri), format(uri, declaredFormat), md5(url));
    }

    private static long size(URI uri) throws SimulatorException {
        String query = uri.getRawQuery();
        if (query == null) {
            return DEFAULT_SIZE;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("size=")) {
                String value = pair.substring("size=".length());
                try {
                    long size = Long.parseLong(value);
                    if (size > 0) {
                        return size;
                    }
                } catch (NumberFormatException e) {
                    // reported below
                }
                throw new SimulatorException("cannot download " + uri + ": its size parameter must be a number of bytes > 0, not '"
                        + value + "'");
            }
        }
        return DEFAULT_SIZE;
    }

    private static String format(URI uri, String declared) {
        if (declared != null && !declared.isBlank()) {
            return declared;
        }
        String path = uri.getPath() == null ? "" : uri.getPath().toLowerCase(Locale.ROOT);
        if (path.endsWith(".iso")) {
            return "iso";
        }
        if (path.endsWith(".raw") || path.endsWith(".img")) {
            return "raw";
        }
        return "qcow2";
    }

    private static String md5(String url) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(url.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no MD5", e);
        }
    }
}
