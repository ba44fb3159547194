package io.kumo.api.operation;

import java.util.Objects;

/**
 * Where an operation is served on the REST API, relative to {@code /zstack/v1}.
 * <p>
 * Path segments in braces ({@code /zones/{uuid}}) bind to parameters of the same name. For {@link HttpMethod#PUT}
 * the body is {@code {"<actionKey>":{...params}, "systemTags":[], "userTags":[]}}; for {@link HttpMethod#POST} it is
 * {@code {"params":{...}, "systemTags":[], "userTags":[]}}; for GET and DELETE, parameters come from the query string.
 *
 * @param method    the HTTP method
 * @param path      the path template, starting with {@code /}
 * @param actionKey for PUT, the single body key naming the action (e.g. {@code updateZone}); otherwise null
 */
public record RestBinding(HttpMethod method, String path, String actionKey) {

    /** Canonical constructor: validates the path and the action key. */
    public RestBinding {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("REST path must start with '/': " + path);
        }
        if (method == HttpMethod.PUT && (actionKey == null || actionKey.isBlank())) {
            throw new IllegalArgumentException("a PUT binding needs an action key: " + path);
        }
    }

    /** @param path the path @return a GET binding */
    public static RestBinding get(String path) { return new RestBinding(HttpMethod.GET, path, null); }

    /** @param path the collection path, e.g. {@code /zones} @return a POST binding */
    public static RestBinding post(String path) { return new RestBinding(HttpMethod.POST, path, null); }

    /** @param path the path, e.g. {@code /zones/{uuid}/actions} @param actionKey the body key @return a PUT binding */
    public static RestBinding put(String path, String actionKey) { return new RestBinding(HttpMethod.PUT, path, actionKey); }

    /** @param path the path, e.g. {@code /zones/{uuid}} @return a DELETE binding */
    public static RestBinding delete(String path) { return new RestBinding(HttpMethod.DELETE, path, null); }
}
