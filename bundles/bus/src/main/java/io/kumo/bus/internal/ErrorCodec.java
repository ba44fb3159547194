package io.kumo.bus.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.kumo.api.error.ApiError;

/**
 * Carries an {@link ApiError} in a reply header as JSON: {@code {"code","httpStatus","description","details"}}.
 */
public final class ErrorCodec {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ErrorCodec() { }

    /**
     * @param error the error
     * @return its JSON form
     */
    public static String encode(ApiError error) {
        ObjectNode node = MAPPER.createObjectNode()
                .put("code", error.code())
                .put("httpStatus", error.httpStatus())
                .put("description", error.description());
        if (error.details() != null) {
            node.put("details", error.details());
        }
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an ApiError as JSON", e);
        }
    }

    /**
     * @param json the JSON form
     * @return the error
     * @throws IllegalArgumentException when the JSON is not an error
     */
    public static ApiError decode(String json) {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON", e);
        }
        if (node == null || !node.hasNonNull("code") || !node.hasNonNull("description")
                || !node.path("httpStatus").canConvertToInt()) {
            throw new IllegalArgumentException("not an ApiError");
        }
        JsonNode details = node.get("details");
        return new ApiError(node.get("code").asText(), node.get("httpStatus").asInt(), node.get("description").asText(),
                details == null || details.isNull() ? null : details.asText());
    }
}
