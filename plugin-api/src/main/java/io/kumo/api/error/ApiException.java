package io.kumo.api.error;

/**
 * Thrown by operations to report an error to the caller with a code and a detail that says what to fix.
 * Any other exception escaping an operation is reported as {@link ErrorCode#INTERNAL} and logged.
 */
public class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient ApiError error;

    /**
     * @param code    the error code
     * @param details what went wrong and what to do next
     */
    public ApiException(ErrorCode code, String details) {
        this(ApiError.of(code, details));
    }

    /**
     * @param error the error to report
     */
    public ApiException(ApiError error) {
        super(error.code() + ": " + error.details());
        this.error = error;
    }

    /** @return the error reported to the caller */
    public ApiError error() { return error; }

    /**
     * @param details what is wrong with which argument
     * @return an {@link ErrorCode#INVALID_ARGUMENT} exception
     */
    public static ApiException invalidArgument(String details) {
        return new ApiException(ErrorCode.INVALID_ARGUMENT, details);
    }

    /**
     * @param resourceType the resource type, e.g. {@code zone}
     * @param uuid         the uuid that was not found
     * @return a {@link ErrorCode#RESOURCE_NOT_FOUND} exception
     */
    public static ApiException notFound(String resourceType, String uuid) {
        return new ApiException(ErrorCode.RESOURCE_NOT_FOUND,
                "no " + resourceType + " with uuid " + uuid + "; query " + resourceType + "s to find the right uuid");
    }
}
