package io.kumo.api.error;

import java.util.Objects;

/**
 * A stable error code with the HTTP status it maps to and a generic description.
 * <p>
 * Codes follow ZStack's {@code MODULE.NNNN} convention so that ZStack clients can display them.
 * Plugins define their own codes in their own module prefix.
 */
public final class ErrorCode {
    /** An unexpected failure inside Kumo; the log has the detail. */
    public static final ErrorCode INTERNAL = new ErrorCode("SYS.1000", 500, "An internal error happened");
    /** An operation ran and failed; the details say which step and why. */
    public static final ErrorCode OPERATION_FAILED = new ErrorCode("SYS.1001", 503, "The operation failed");
    /** No reply in time from the node or service that owns the operation. */
    public static final ErrorCode TIMEOUT = new ErrorCode("SYS.1002", 504, "The operation timed out");
    /** The request body is not valid JSON or not of the expected shape. */
    public static final ErrorCode MALFORMED_REQUEST = new ErrorCode("SYS.1003", 400, "The request is malformed");
    /** No operation is served at this path and method. */
    public static final ErrorCode NO_SUCH_API = new ErrorCode("SYS.1004", 404, "No such API");
    /** The HTTP method is not served at this path. */
    public static final ErrorCode METHOD_NOT_ALLOWED = new ErrorCode("SYS.1005", 405, "Method not allowed on this path");
    /** A resource named by the request does not exist. */
    public static final ErrorCode RESOURCE_NOT_FOUND = new ErrorCode("SYS.1006", 404, "Resource not found");
    /** A parameter is missing, of the wrong type, or out of range. */
    public static final ErrorCode INVALID_ARGUMENT = new ErrorCode("SYS.1007", 400, "One or more API arguments are invalid");
    /** The resource is in a state that does not allow the operation. */
    public static final ErrorCode INVALID_STATE = new ErrorCode("SYS.1008", 409, "The resource is not in a state that allows this operation");
    /** The request conflicts with existing resources (duplicate, children present...). */
    public static final ErrorCode CONFLICT = new ErrorCode("SYS.1009", 409, "The request conflicts with existing resources");
    /** The operation exists but its provider is not available right now (plugin removed, unlicensed...). */
    public static final ErrorCode UNAVAILABLE = new ErrorCode("SYS.1010", 503, "The operation is not available right now");
    /** A query names an unknown field or uses an invalid operator. */
    public static final ErrorCode INVALID_QUERY = new ErrorCode("SYS.1011", 400, "The query is invalid");
    /** The job id is unknown or the job has expired. */
    public static final ErrorCode JOB_NOT_FOUND = new ErrorCode("SYS.1012", 404, "No such API job");
    /** No host, primary storage or address has the capacity the request needs. */
    public static final ErrorCode NO_CAPACITY = new ErrorCode("ALLOC.1001", 409, "Not enough capacity for the request");
    /** The type named (hypervisor, storage...) has no backend installed right now. */
    public static final ErrorCode TYPE_UNAVAILABLE = new ErrorCode("SYS.1013", 400, "No backend of this type is installed");
    /** The backend that drives the resource (hypervisor or storage type) cannot do what was asked. */
    public static final ErrorCode NOT_SUPPORTED = new ErrorCode("SYS.1014", 400, "The backend of this resource does not support the operation");
    /** The request carries no valid session or signature. */
    public static final ErrorCode UNAUTHENTICATED = new ErrorCode("ID.1001", 401, "Authentication is required");
    /** The caller is authenticated but not allowed to do this. */
    public static final ErrorCode PERMISSION_DENIED = new ErrorCode("ID.1002", 403, "Permission denied");
    /** The account name or password is wrong. */
    public static final ErrorCode WRONG_CREDENTIALS = new ErrorCode("ID.1003", 401, "Wrong account name or password");
    /** Creating or starting the resource would take the account over one of its quotas. */
    public static final ErrorCode QUOTA_EXCEEDED = new ErrorCode("ID.1004", 403, "The account's quota would be exceeded");
    /** Too many failed logins: the next login must carry a solved captcha. */
    public static final ErrorCode CAPTCHA_REQUIRED = new ErrorCode("ID.1005", 401, "A captcha must be solved to log in");
    /** Two-factor authentication is on: the login must carry the current one-time code. */
    public static final ErrorCode TWO_FACTOR_REQUIRED = new ErrorCode("ID.1006", 401, "A two-factor authentication code is required");

    private final String code;
    private final int httpStatus;
    private final String description;

    /**
     * Defines a code.
     *
     * @param code        the stable code, {@code MODULE.NNNN}
     * @param httpStatus  the HTTP status REST answers with
     * @param description a generic one-line description
     */
    public ErrorCode(String code, int httpStatus, String description) {
        this.code = Objects.requireNonNull(code, "code");
        this.httpStatus = httpStatus;
        this.description = Objects.requireNonNull(description, "description");
    }

    /** @return the stable code, such as {@code SYS.1007} */
    public String code() { return code; }

    /** @return the HTTP status this code maps to */
    public int httpStatus() { return httpStatus; }

    /** @return the generic description of the code */
    public String description() { return description; }

    @Override public boolean equals(Object o) { return o instanceof ErrorCode e && e.code.equals(code); }
    @Override public int hashCode() { return code.hashCode(); }
    @Override public String toString() { return code; }
}
