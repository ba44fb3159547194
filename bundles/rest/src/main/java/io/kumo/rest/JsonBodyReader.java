package io.kumo.rest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kumo.api.error.ApiException;

import javax.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads the JSON object body of POST and PUT requests: checks the content type and the size limit, and reports
 * malformed JSON by line and column without naming any Java type.
 */
final class JsonBodyReader {
    private static final Pattern SOURCE_LOCATION =
            Pattern.compile("\\[Source: [^\\]]*?line: (\\d+), column: (\\d+)]");
    private static final Pattern LIMIT_SOURCE = Pattern.compile(",?\\s*from `[^`]*`");
    private static final Pattern BACKTICKED = Pattern.compile("`[^`]*`");
    private static final Pattern QUALIFIED_NAME = Pattern.compile("\\b(?:[a-z_$][\\w$]*\\.)+[A-Z][\\w$]*");
    private static final int MAX_DETAIL = 300;

    private final ObjectMapper mapper;
    private final long maxBytes;

    /**
     * @param mapper   the parser
     * @param maxBytes the largest body accepted
     */
    JsonBodyReader(ObjectMapper mapper, long maxBytes) {
        this.mapper = mapper;
        this.maxBytes = maxBytes;
    }

    /**
     * @param req      the request
     * @param expected what the body should look like, for error messages
     * @return the body
     * @throws IOException  if reading fails
     * @throws ApiException 400, 413 or 415 if the body is not an acceptable JSON object
     */
    ObjectNode read(HttpServletRequest req, String expected) throws IOException {
        checkContentType(req.getContentType());
        long declared = req.getContentLengthLong();
        if (declared > maxBytes) {
            throw tooLarge();
        }
        byte[] bytes = readAtMost(req.getInputStream());
        if (bytes.length == 0) {
            throw RestErrors.malformed("the request body is empty; send " + expected);
        }
        JsonNode node;
        try {
            node = mapper.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw RestErrors.malformed("the request body is not valid JSON" + where(e.getLocation()) + ": "
                    + sanitize(e.getOriginalMessage()) + "; send " + expected);
        }
        if (node == null || !node.isObject()) {
            throw RestErrors.malformed("the request body must be a JSON object: send " + expected);
        }
        return (ObjectNode) node;
    }

    private static void checkContentType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return;
        }
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json")) {
            throw new ApiException(RestErrors.UNSUPPORTED_MEDIA_TYPE,
                    "the request body must be JSON: send Content-Type: application/json (got " + mediaType + ")");
        }
    }

    private byte[] readAtMost(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) >= 0) {
            total += n;
            if (total > maxBytes) {
                throw tooLarge();
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private ApiException tooLarge() {
        return new ApiException(RestErrors.REQUEST_TOO_LARGE,
                "the request body is larger than " + maxBytes + " bytes; send less data per request");
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** Keeps the parser's explanation but drops source excerpts and Java type names. */
    static String sanitize(String message) {
        if (message == null) {
            return "unexpected content";
        }
        String text = message.split("\n", 2)[0];
        text = SOURCE_LOCATION.matcher(text).replaceAll("line $1, column $2");
        text = LIMIT_SOURCE.matcher(text).replaceAll("");
        text = BACKTICKED.matcher(text).replaceAll("");
        text = QUALIFIED_NAME.matcher(text).replaceAll("value");
        text = text.replaceAll("\\s+", " ").trim();
        return text.length() > MAX_DETAIL ? text.substring(0, MAX_DETAIL) + "..." : text;
    }
}
