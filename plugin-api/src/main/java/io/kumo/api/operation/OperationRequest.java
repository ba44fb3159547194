package io.kumo.api.operation;

import io.kumo.api.error.ApiException;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A validated invocation of an operation: parameters are already checked and converted to their declared types
 * ({@code String}, {@code Integer}, {@code Long}, {@code Double}, {@code Boolean}, {@code List<String>}, {@code Map}).
 *
 * @param operation  the operation name
 * @param params     the parameters by name (absent optional parameters without default are missing)
 * @param systemTags system tags to attach to the created or changed resource
 * @param userTags   user tags to attach
 * @param caller     who calls
 * @param requestId  a unique id of this request (also the job id of an async operation)
 */
public record OperationRequest(String operation, Map<String, Object> params, List<String> systemTags,
                               List<String> userTags, Caller caller, String requestId) {

    /** Canonical constructor: copies the collections. */
    public OperationRequest {
        Objects.requireNonNull(operation, "operation");
        params = params == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
        systemTags = systemTags == null ? List.of() : List.copyOf(systemTags);
        userTags = userTags == null ? List.of() : List.copyOf(userTags);
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(requestId, "requestId");
    }

    /** What a redacted secret parameter reads as. */
    public static final String REDACTED = "*****";

    /**
     * @param descriptor the operation's declaration
     * @return this request with the values of its secret parameters replaced by {@link #REDACTED}, for job records,
     *         logs and audit
     */
    public OperationRequest redacted(OperationDescriptor descriptor) {
        Map<String, Object> copy = null;
        for (ParameterDescriptor p : descriptor.parameters().values()) {
            if (p.secret() && params.get(p.name()) != null) {
                if (copy == null) {
                    copy = new java.util.LinkedHashMap<>(params);
                }
                copy.put(p.name(), REDACTED);
            }
        }
        return copy == null ? this : new OperationRequest(operation, copy, systemTags, userTags, caller, requestId);
    }

    /** @param name a parameter @return true if present */
    public boolean has(String name) { return params.get(name) != null; }

    /** @param name a parameter @return its value, or null */
    public String string(String name) { Object v = params.get(name); return v == null ? null : v.toString(); }

    /** @param name a required parameter @return its value @throws ApiException if absent */
    public String requireString(String name) {
        String v = string(name);
        if (v == null) {
            throw ApiException.invalidArgument("parameter '" + name + "' is required by " + operation);
        }
        return v;
    }

    /** @param name a parameter @return its value, or null */
    public Integer integer(String name) { Object v = params.get(name); return v == null ? null : ((Number) v).intValue(); }

    /** @param name a parameter @return its value, or null */
    public Long longValue(String name) { Object v = params.get(name); return v == null ? null : ((Number) v).longValue(); }

    /** @param name a parameter @return its value, or null */
    public Boolean bool(String name) { return (Boolean) params.get(name); }

    /** @param name a parameter @return its value, or an empty list */
    @SuppressWarnings("unchecked")
    public List<String> list(String name) { Object v = params.get(name); return v == null ? List.of() : (List<String>) v; }
}
