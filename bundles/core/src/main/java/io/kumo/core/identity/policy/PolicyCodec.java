package io.kumo.core.identity.policy;

import io.kumo.api.error.ApiException;
import io.kumo.core.json.Json;

import java.util.List;
import java.util.Map;

/** Policy statements to and from the JSON kept in {@code PolicyVO.data}. */
public final class PolicyCodec {
    private static final int MAX_STATEMENTS = 100;

    private PolicyCodec() { }

    /** @param raw the {@code statements} parameter: a list of statement objects @return the checked statements */
    public static List<PolicyStatement> parse(Object raw) {
        if (!(raw instanceof List<?> list) || list.isEmpty() || list.size() > MAX_STATEMENTS) {
            throw ApiException.invalidArgument("statements is a list of 1 to " + MAX_STATEMENTS
                    + " objects such as {\"effect\":\"Allow\",\"actions\":[\"vmInstance:*\"]}");
        }
        return list.stream().map(PolicyStatement::fromMap).toList();
    }

    /** @return the statements as stored */
    public static String encode(List<PolicyStatement> statements) { return Json.write(statements); }

    /** @return the stored statements */
    public static List<PolicyStatement> decode(String data) {
        Object raw = Json.read(data, List.class);
        return ((List<?>) raw).stream().map(PolicyStatement::fromMap).toList();
    }

    /** @return a statement as a map, for inventories */
    public static Map<String, Object> toMap(PolicyStatement s) {
        return Map.of("name", s.name() == null ? "" : s.name(), "effect", s.effect(), "actions", s.actions(), "resources", s.resources());
    }
}
