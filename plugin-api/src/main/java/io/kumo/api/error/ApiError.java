package io.kumo.api.error;

import java.util.Objects;

/**
 * An error as the API reports it: {@code {"error":{"code","description","details"}}}.
 *
 * @param code        the stable error code
 * @param httpStatus  the HTTP status
 * @param description the generic description of the code
 * @param details     what exactly went wrong and what to do next
 */
public record ApiError(String code, int httpStatus, String description, String details) {
    /** Canonical constructor; code and description are required. */
    public ApiError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(description, "description");
    }

    /**
     * @param code    the error code
     * @param details the specific detail
     * @return an error of that code with that detail
     */
    public static ApiError of(ErrorCode code, String details) {
        return new ApiError(code.code(), code.httpStatus(), code.description(), details);
    }
}
