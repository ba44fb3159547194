package io.kumo.rest;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kumo.api.error.ApiError;

import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes JSON, CSV and error replies. JSON is streamed to the client as it is serialized: a list of 25,000 VMs is
 * 41 MB, and holding it whole before sending cost a second copy and most of a young generation. Replies that fit
 * the container's buffer still go out in one piece with a Content-Length; a failure after the first buffer was sent
 * can only cut the reply short, which the client sees as a broken chunked body.
 */
final class ResponseWriter {
    private static final String JSON = "application/json;charset=UTF-8";
    private static final String CSV = "text/csv; charset=utf-8";

    private final ObjectMapper mapper;

    /** @param mapper the mapper bodies are written with */
    ResponseWriter(ObjectMapper mapper) { this.mapper = mapper; }

    /** @return the mapper bodies are written with */
    ObjectMapper mapper() { return mapper; }

    /**
     * @param resp   the response
     * @param status the HTTP status
     * @param body   the body, serialized as JSON
     * @throws IOException if the client went away
     */
    void json(HttpServletResponse resp, int status, Object body) throws IOException {
        resp.setStatus(status);
        resp.setContentType(JSON);
        resp.setHeader("Cache-Control", "no-store");
        try (JsonGenerator generator = mapper.getFactory().createGenerator(resp.getOutputStream())) {
            // the container completes the reply (with a Content-Length when it fits one buffer): neither close nor flush
            generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            generator.disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
            mapper.writeValue(generator, body);
        }
    }

    /**
     * @param resp   the response
     * @param status the HTTP status
     * @param json   an already serialized JSON body
     * @throws IOException if the client went away
     */
    void rawJson(HttpServletResponse resp, int status, byte[] json) throws IOException {
        write(resp, status, JSON, json);
    }

    /**
     * @param resp the response
     * @param csv  the CSV text
     * @throws IOException if the client went away
     */
    void csv(HttpServletResponse resp, String csv) throws IOException {
        write(resp, HttpServletResponse.SC_OK, CSV, csv.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Writes {@code {"error":{"code","description","details"}}} with the error's status.
     *
     * @param resp  the response
     * @param error the error
     * @throws IOException if the client went away
     */
    void error(HttpServletResponse resp, ApiError error) throws IOException {
        if (error.httpStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
            resp.setHeader("WWW-Authenticate", "OAuth");
        }
        int status = error.httpStatus() >= 400 && error.httpStatus() <= 599
                ? error.httpStatus() : HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
        json(resp, status, errorBody(error));
    }

    /** @param error an error @return its wire form, {@code {"error":{...}}} */
    static Map<String, Object> errorBody(ApiError error) {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("code", error.code());
        inner.put("description", error.description());
        if (error.details() != null) {
            inner.put("details", error.details());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", inner);
        return body;
    }

    private static void write(HttpServletResponse resp, int status, String contentType, byte[] bytes)
            throws IOException {
        resp.setStatus(status);
        resp.setContentType(contentType);
        resp.setHeader("Cache-Control", "no-store");
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }
}
