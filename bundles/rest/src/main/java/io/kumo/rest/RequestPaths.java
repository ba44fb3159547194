package io.kumo.rest;

import javax.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Decodes the path and the query string of requests. */
final class RequestPaths {
    /** Where the API lives, below the servlet context. */
    static final String API_ROOT = "/zstack/v1";

    private RequestPaths() { }

    /**
     * @param req a request
     * @return the decoded path segments below {@code /zstack/v1}, or empty if the request is not below it
     */
    static Optional<List<String>> apiSegments(HttpServletRequest req) {
        String uri = req.getRequestURI();
        String context = req.getContextPath() == null ? "" : req.getContextPath();
        String path = uri.startsWith(context) ? uri.substring(context.length()) : uri;
        if (!path.equals(API_ROOT) && !path.startsWith(API_ROOT + "/")) {
            return Optional.empty();
        }
        List<String> segments = new ArrayList<>();
        for (String raw : path.substring(API_ROOT.length()).split("/")) {
            if (!raw.isEmpty()) {
                segments.add(decodePathSegment(raw));
            }
        }
        return Optional.of(Collections.unmodifiableList(segments));
    }

    private static String decodePathSegment(String raw) {
        try {
            // '+' is literal in paths
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw RestErrors.malformed("the path segment '" + raw + "' has an invalid %-escape");
        }
    }

    /**
     * Parses a raw query string. Names and values are URL-decoded; a value keeps every {@code =} after the first
     * one, so {@code q=name=a} gives {@code q -> [name=a]}.
     *
     * @param rawQuery the query string as received, or null
     * @return the values by name, in order of appearance
     */
    static Map<String, List<String>> parseQuery(String rawQuery) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decodeQueryPart(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decodeQueryPart(pair.substring(eq + 1));
            if (!name.isEmpty()) {
                params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
        }
        return params;
    }

    private static String decodeQueryPart(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw RestErrors.malformed("the query string part '" + raw + "' has an invalid %-escape");
        }
    }
}
