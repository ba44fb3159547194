package io.kumo.core.audit;

import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.ParameterDescriptor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Removes secrets from what the audit log keeps: the values of parameters declared secret
 * ({@link ParameterDescriptor#asSecret()}), and of any parameter, nested map key or {@code name::value} tag whose name
 * contains {@code password}, {@code secret} or {@code session} (a session uuid is a bearer credential), read as
 * {@link OperationRequest#REDACTED}.
 */
public final class AuditRedaction {
    private AuditRedaction() { }

    /**
     * @param name a parameter, key or tag name
     * @return true if its value is a secret by name alone
     */
    public static boolean secretName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.contains("password") || n.contains("secret") || n.contains("session");
    }

    /**
     * @param descriptor the operation's declaration, or null when the operation is unknown
     * @param params     the parameters as received
     * @return a copy with secret values redacted
     */
    public static Map<String, Object> params(OperationDescriptor descriptor, Map<String, Object> params) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (params == null) {
            return out;
        }
        params.forEach((name, value) -> {
            boolean declared = descriptor != null && descriptor.parameter(name).map(ParameterDescriptor::secret).orElse(false);
            out.put(name, value != null && (declared || secretName(name)) ? OperationRequest.REDACTED : value(value));
        });
        return out;
    }

    /** @param tags system or user tags, or null @return a copy where {@code password::x} reads {@code password::*****} */
    public static List<String> tags(List<String> tags) {
        List<String> out = new ArrayList<>();
        if (tags == null) {
            return out;
        }
        for (String t : tags) {
            int sep = t == null ? -1 : t.indexOf("::");
            out.add(sep > 0 && secretName(t.substring(0, sep)) ? t.substring(0, sep) + "::" + OperationRequest.REDACTED : t);
        }
        return out;
    }

    private static Object value(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                String key = String.valueOf(k);
                out.put(key, v != null && secretName(key) ? OperationRequest.REDACTED : value(v));
            });
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(value(v)));
            return out;
        }
        return value;
    }
}
