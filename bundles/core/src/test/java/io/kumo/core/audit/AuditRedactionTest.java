package io.kumo.core.audit;

import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.ParameterDescriptor;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AuditRedactionTest {
    private static final OperationDescriptor D = OperationDescriptor.builder("AddThing").kind(OperationKind.CREATE)
            .param(ParameterDescriptor.string("name"))
            .param(ParameterDescriptor.string("token").asSecret())
            .param(ParameterDescriptor.string("sshPassword"))
            .build();

    @Test
    void declaredSecretsAndSecretNamesAreRedacted() {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("name", "host-1");
        raw.put("token", "t0k3n");
        raw.put("sshPassword", "hunter2");
        raw.put("clientSecret", "s3cr3t");
        raw.put("sessionUuid", "0123456789abcdef0123456789abcdef");
        raw.put("options", Map.of("adminPassword", "x", "port", 22));
        raw.put("absent", null);
        Map<String, Object> out = AuditRedaction.params(D, raw);
        assertEquals("host-1", out.get("name"));
        assertEquals("*****", out.get("token"));
        assertEquals("*****", out.get("sshPassword"));
        assertEquals("*****", out.get("clientSecret"));
        assertEquals("*****", out.get("sessionUuid"));
        assertEquals(Map.of("adminPassword", "*****", "port", 22), out.get("options"));
        assertEquals(null, out.get("absent"), "nothing to hide in a missing value");
        assertEquals("t0k3n", raw.get("token"), "the request itself is untouched");
    }

    @Test
    void unknownOperationsAreRedactedByName() {
        assertEquals(Map.of("password", "*****", "x", "1"), AuditRedaction.params(null, Map.of("password", "p", "x", "1")));
    }

    @Test
    void secretTagsKeepTheirNameOnly() {
        assertEquals(List.of("rootPassword::*****", "hostname::web-1", "plain"),
                AuditRedaction.tags(List.of("rootPassword::abc", "hostname::web-1", "plain")));
    }
}
