package io.kumo.core.identity;

import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.operation.AccessLevel;
import io.kumo.api.operation.Caller;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.ParamType;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.core.identity.ownership.AccountResourceRefEntity;
import io.kumo.core.identity.ownership.OwnershipStore;
import io.kumo.core.identity.policy.PolicyEvaluator;
import io.kumo.core.identity.policy.UserPolicyCache;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides whether a caller may run an operation, before its parameters are validated (a refusal writes nothing):
 * the operation's {@link AccessLevel}, then the policies of a user, then ownership of every resource the call names.
 * The admin account passes at once. A tenant's query is narrowed to what it owns or is shared with it.
 */
public class AuthorizationManager {
    /**
     * The admin's infrastructure a tenant may name without owning it, as where to put its resources: a zone, a
     * cluster, a host, a primary or backup storage (e.g. {@code backupStorageUuids} of {@code AddImage}).
     */
    static final List<String> PLACEMENT_TYPES = List.of("zone", "cluster", "host", "primaryStorage", "backupStorage");

    private final UserPolicyCache policies;
    private final OwnershipStore ownership;

    /** Wires the manager. */
    public AuthorizationManager(UserPolicyCache policies, OwnershipStore ownership) {
        this.policies = policies;
        this.ownership = ownership;
    }

    /**
     * @param d      the operation
     * @param raw    the parameters as sent
     * @param caller an authenticated caller, or anyone for a public operation
     * @return the parameters to validate: the same, or for a tenant's query, narrowed to what it may see
     * @throws ApiException {@code PERMISSION_DENIED} (403) naming the reason
     */
    public Map<String, Object> authorize(OperationDescriptor d, Map<String, Object> raw, Caller caller) {
        if (d.isPublic() || caller.isAnonymous()) {
            return raw;
        }
        if (caller.admin() && caller.userUuid() == null) {
            return raw;
        }
        if (!caller.admin() && d.access() == AccessLevel.ADMIN) {
            throw denied(d.name() + " is for the admin account only; ask your administrator to do it for you");
        }
        if (d.access() == AccessLevel.AUTHENTICATED) {
            return raw;
        }
        List<String[]> named = namedResources(d, raw);
        if (caller.userUuid() != null) {
            checkPolicies(d, caller, named);
        }
        if (caller.admin()) {
            return raw;
        }
        for (String[] n : named) {
            checkOwnership(d, caller, n[0], n[1]);
        }
        return d.kind() == OperationKind.QUERY ? narrowQuery(raw, caller) : raw;
    }

    private void checkPolicies(OperationDescriptor d, Caller caller, List<String[]> named) {
        List<String> targets = named.stream().map(n -> n[1]).toList();
        PolicyEvaluator.Decision decision = PolicyEvaluator.decide(policies.statementsOf(caller.userUuid()), d, targets);
        if (decision == PolicyEvaluator.Decision.DENY) {
            throw denied("a policy of user " + caller.userUuid() + " or of its groups denies " + d.name()
                    + "; ask the account owner to change the policy");
        }
        if (decision == PolicyEvaluator.Decision.NONE && d.kind().mutating()) {
            throw denied("no policy of user " + caller.userUuid() + " or of its groups allows " + d.name()
                    + "; users may only read until the account owner attaches a policy allowing it (e.g. actions [\""
                    + d.name() + "\"])");
        }
    }

    private void checkOwnership(OperationDescriptor d, Caller caller, String param, String uuid) {
        AccountResourceRefEntity ref = ownership.ref(uuid);
        boolean target = "uuid".equals(param);
        if (ref == null) {
            if (target) {
                throw denied(d.name() + ": resource " + uuid + " does not belong to your account; list yours with the query"
                        + " operations");
            }
            return; // no owner record: created before ownership was recorded, the admin's
        }
        if (ref.getAccountUuid().equals(caller.accountUuid())) {
            return;
        }
        if (!target && PLACEMENT_TYPES.contains(ref.getResourceType())) {
            return;
        }
        boolean usable = (!target || !d.kind().mutating()) && ownership.isSharedWith(uuid, caller.accountUuid());
        if (!usable) {
            throw denied(d.name() + ": " + param + " " + uuid + " belongs to another account"
                    + (target ? "" : " and is not shared with yours") + "; use a resource of your own or ask its owner to share it");
        }
    }

    /** @return (parameter name, uuid) of every resource the call names */
    private static List<String[]> namedResources(OperationDescriptor d, Map<String, Object> raw) {
        List<String[]> named = new ArrayList<>();
        for (ParameterDescriptor p : d.parameters().values()) {
            Object v = raw.get(p.name());
            if (v == null || d.kind() == OperationKind.CREATE && "resourceUuid".equals(p.name())) {
                continue;
            }
            if (p.type() == ParamType.UUID && v instanceof String s) {
                named.add(new String[] {p.name(), s});
            } else if (p.type() == ParamType.STRING_LIST && p.name().endsWith("Uuids")) {
                List<?> values = v instanceof List<?> l ? l : Arrays.asList(String.valueOf(v).split(","));
                values.forEach(x -> named.add(new String[] {p.name(), String.valueOf(x).trim()}));
            }
        }
        return named;
    }

    private Map<String, Object> narrowQuery(Map<String, Object> raw, Caller caller) {
        List<String> visible = ownership.visible(caller.accountUuid());
        List<Object> q = new ArrayList<>();
        Object given = raw.get("q");
        if (given instanceof List<?> l) {
            q.addAll(l);
        } else if (given != null) {
            q.add(given);
        }
        q.add(visible.isEmpty() ? "uuid=none" : "uuid?=" + String.join(",", visible));
        Map<String, Object> narrowed = new LinkedHashMap<>(raw);
        narrowed.put("q", q);
        return narrowed;
    }

    private static ApiException denied(String message) { return new ApiException(ErrorCode.PERMISSION_DENIED, message); }
}
