package io.kumo.core.identity.policy;

import io.kumo.api.error.ApiException;

import java.util.List;
import java.util.Map;

/**
 * One statement of a policy, ZStack's shape: {@code {"name","effect":"Allow|Deny","actions":[...],"resources":[...]}}.
 * An action names operations: {@code *}; an operation name ({@code CreateVmInstance}) or ZStack message name
 * ({@code APICreateVmInstanceMsg}), optionally after a category ({@code vmInstance:APICreateVmInstanceMsg}); a
 * wildcard ({@code vmInstance:*}, {@code Create*}, ZStack's {@code .*}); or a permission ({@code vmInstance:write}).
 *
 * @param name      a label
 * @param effect    {@code Allow} or {@code Deny}
 * @param actions   the operations it covers
 * @param resources resource uuids it is limited to, or empty for all
 */
public record PolicyStatement(String name, String effect, List<String> actions, List<String> resources) {
    /** Canonical constructor: checks the effect and actions. */
    public PolicyStatement {
        if (!"Allow".equals(effect) && !"Deny".equals(effect)) {
            throw ApiException.invalidArgument("a policy statement's effect is Allow or Deny, not " + effect);
        }
        if (actions == null || actions.isEmpty() || actions.stream().anyMatch(a -> a == null || a.isBlank() || a.length() > 512)) {
            throw ApiException.invalidArgument("a policy statement needs actions: operation names, ZStack message names or"
                    + " wildcards such as vmInstance:* or *");
        }
        actions = List.copyOf(actions);
        resources = resources == null ? List.of() : List.copyOf(resources);
    }

    /** @return true if it denies */
    public boolean denies() { return "Deny".equals(effect); }

    /**
     * @param raw a statement as JSON decoded to a map
     * @return the statement
     */
    @SuppressWarnings("unchecked")
    public static PolicyStatement fromMap(Object raw) {
        if (!(raw instanceof Map<?, ?> m)) {
            throw ApiException.invalidArgument("each policy statement is an object {\"effect\",\"actions\",\"resources\"}");
        }
        Object actions = m.get("actions");
        Object resources = m.get("resources");
        if (actions != null && !(actions instanceof List<?>) || resources != null && !(resources instanceof List<?>)) {
            throw ApiException.invalidArgument("a policy statement's actions and resources are lists of strings");
        }
        return new PolicyStatement(m.get("name") == null ? null : String.valueOf(m.get("name")),
                m.get("effect") == null ? null : String.valueOf(m.get("effect")),
                actions == null ? null : ((List<Object>) actions).stream().map(String::valueOf).toList(),
                resources == null ? null : ((List<Object>) resources).stream().map(String::valueOf).toList());
    }
}
