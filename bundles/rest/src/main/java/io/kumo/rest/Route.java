package io.kumo.rest;

import io.kumo.api.operation.OperationDescriptor;

import java.util.Map;

/**
 * One entry of the route table: an HTTP method on a path template and what serves it.
 *
 * @param method   the HTTP method name ({@code GET}, {@code POST}, {@code PUT}, {@code DELETE})
 * @param template the path template relative to {@code /zstack/v1}
 * @param target   what serves it
 */
record Route(String method, PathTemplate template, Target target) {

    /** What serves a route. */
    sealed interface Target permits OperationTarget, ActionTarget, Builtin { }

    /**
     * An operation bound to GET, POST or DELETE.
     *
     * @param operation     the operation
     * @param uuidCondition true for the {@code /{uuid}} route derived from a query: the uuid becomes a condition
     */
    record OperationTarget(OperationDescriptor operation, boolean uuidCondition) implements Target { }

    /**
     * The operations sharing one PUT path, told apart by the single key of the body.
     *
     * @param actions the operations by action key, sorted
     */
    record ActionTarget(Map<String, ActionBinding> actions) implements Target { }

    /**
     * One action of an {@link ActionTarget}.
     *
     * @param operation the operation
     * @param template  its own template, whose variable names bind its parameters
     */
    record ActionBinding(OperationDescriptor operation, PathTemplate template) { }

    /** Routes served by the REST module itself. */
    enum Builtin implements Target {
        /** {@code GET /zstack/v1}: name, version and where the OpenAPI document is. */
        INDEX,
        /** {@code GET /zstack/v1/openapi.json}. */
        OPENAPI,
        /** {@code GET /zstack/v1/api-jobs/{id}}. */
        API_JOB,
        /** {@code GET /zstack/v1/events}: resource events as Server-Sent Events. */
        EVENTS
    }
}
