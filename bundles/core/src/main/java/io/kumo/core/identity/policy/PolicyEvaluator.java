package io.kumo.core.identity.policy;

import io.kumo.api.operation.OperationDescriptor;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** Decides what a user's policies say about an operation: a matching Deny wins over any Allow. */
public final class PolicyEvaluator {
    /** What the statements say. */
    public enum Decision { ALLOW, DENY, NONE }

    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();
    private static final Map<String, List<PolicyStatement>> DECODED = new ConcurrentHashMap<>();
    private static final int MAX_DECODED = 10_000;

    private PolicyEvaluator() { }

    /**
     * @param statements  every statement of the user's policies and of its groups' policies
     * @param d           the operation
     * @param targetUuids the resources the call names (a statement limited to resources applies if one matches)
     * @return the decision
     */
    public static Decision decide(Collection<PolicyStatement> statements, OperationDescriptor d, Collection<String> targetUuids) {
        boolean allowed = false;
        for (PolicyStatement s : statements) {
            if (!appliesTo(s, targetUuids) || s.actions().stream().noneMatch(a -> matches(a, d))) {
                continue;
            }
            if (s.denies()) {
                return Decision.DENY;
            }
            allowed = true;
        }
        return allowed ? Decision.ALLOW : Decision.NONE;
    }

    private static boolean appliesTo(PolicyStatement s, Collection<String> targetUuids) {
        return s.resources().isEmpty() || s.resources().contains("*") || targetUuids.stream().anyMatch(s.resources()::contains);
    }

    /**
     * @param action an action of a statement
     * @param d      an operation
     * @return true if the action covers the operation
     */
    public static boolean matches(String action, OperationDescriptor d) {
        String a = action.trim().replace(".*", "*");
        if (a.equals("*") || a.equals(d.permission())) {
            return true;
        }
        String category = null;
        String op = a;
        int colon = a.indexOf(':');
        if (colon >= 0) {
            category = a.substring(0, colon);
            op = a.substring(colon + 1);
        }
        if (category != null && !category.equals("*") && !category.equalsIgnoreCase(d.resourceType() == null ? "system" : d.resourceType())
                && !isMessageName(op)) {
            // "zone:*" is about zones; "anyCategory:APICreateZoneMsg" names the message itself, as ZStack writes it
            return false;
        }
        Pattern p = glob(op);
        return p.matcher(d.name()).matches() || p.matcher("API" + d.name() + "Msg").matches();
    }

    private static boolean isMessageName(String op) { return op.startsWith("API") && op.endsWith("Msg") && !op.contains("*"); }

    private static Pattern glob(String g) {
        if (PATTERNS.size() > MAX_DECODED) {
            PATTERNS.clear();
        }
        return PATTERNS.computeIfAbsent(g, key -> {
            StringBuilder sb = new StringBuilder();
            String[] parts = key.split("\\*", -1);
            for (int i = 0; i < parts.length; i++) {
                if (i > 0) {
                    sb.append(".*");
                }
                if (!parts[i].isEmpty()) {
                    sb.append(Pattern.quote(parts[i]));
                }
            }
            return Pattern.compile(sb.toString());
        });
    }

    /**
     * @return the statements of the policies, decoded; a policy never changes after it is created, so its decoded
     *         statements are kept (a bounded cache, by policy uuid)
     */
    public static List<PolicyStatement> statements(Collection<PolicyEntity> policies) {
        if (DECODED.size() > MAX_DECODED) {
            DECODED.clear();
        }
        return policies.stream().flatMap(p -> DECODED.computeIfAbsent(p.getUuid(), u -> PolicyCodec.decode(p.getData())).stream()).toList();
    }
}
