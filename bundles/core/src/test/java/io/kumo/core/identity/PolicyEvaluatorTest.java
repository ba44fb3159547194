package io.kumo.core.identity;

import io.kumo.api.error.ApiException;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.core.identity.policy.PolicyCodec;
import io.kumo.core.identity.policy.PolicyEvaluator;
import io.kumo.core.identity.policy.PolicyEvaluator.Decision;
import io.kumo.core.identity.policy.PolicyStatement;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PolicyEvaluatorTest {
    private static final OperationDescriptor CREATE_VM = OperationDescriptor.builder("CreateVmInstance")
            .kind(OperationKind.CREATE).resourceType("vmInstance").build();
    private static final OperationDescriptor DELETE_ZONE = OperationDescriptor.builder("DeleteZone")
            .kind(OperationKind.DELETE).resourceType("zone").build();

    private static PolicyStatement allow(String... actions) { return new PolicyStatement("s", "Allow", List.of(actions), List.of()); }

    private static PolicyStatement deny(String... actions) { return new PolicyStatement("s", "Deny", List.of(actions), List.of()); }

    @Test
    void actionsMatchNamesMessagesCategoriesWildcardsAndPermissions() {
        assertTrue(PolicyEvaluator.matches("CreateVmInstance", CREATE_VM));
        assertTrue(PolicyEvaluator.matches("APICreateVmInstanceMsg", CREATE_VM));
        assertTrue(PolicyEvaluator.matches("instance:APICreateVmInstanceMsg", CREATE_VM), "ZStack's categories name messages");
        assertTrue(PolicyEvaluator.matches("vmInstance:*", CREATE_VM));
        assertTrue(PolicyEvaluator.matches("vmInstance:.*", CREATE_VM), "ZStack's regex wildcard");
        assertTrue(PolicyEvaluator.matches("Create*", CREATE_VM));
        assertTrue(PolicyEvaluator.matches("vmInstance:write", CREATE_VM));
        assertTrue(PolicyEvaluator.matches("*", DELETE_ZONE));
        assertFalse(PolicyEvaluator.matches("vmInstance:*", DELETE_ZONE));
        assertFalse(PolicyEvaluator.matches("Create*", DELETE_ZONE));
        assertFalse(PolicyEvaluator.matches("CreateVm", CREATE_VM), "no prefix matching without a wildcard");
        assertFalse(PolicyEvaluator.matches("zone:read", DELETE_ZONE));
    }

    @Test
    void denyWinsOverAllowAndNothingMatchingSaysNothing() {
        assertEquals(Decision.ALLOW, PolicyEvaluator.decide(List.of(allow("vmInstance:*")), CREATE_VM, List.of()));
        assertEquals(Decision.DENY, PolicyEvaluator.decide(List.of(allow("*"), deny("CreateVmInstance")), CREATE_VM, List.of()));
        assertEquals(Decision.DENY, PolicyEvaluator.decide(List.of(deny("*"), allow("*")), CREATE_VM, List.of()));
        assertEquals(Decision.NONE, PolicyEvaluator.decide(List.of(allow("zone:*")), CREATE_VM, List.of()));
    }

    @Test
    void statementsLimitedToResourcesApplyOnlyToThem() {
        PolicyStatement onlyOne = new PolicyStatement("s", "Deny", List.of("*"), List.of("aaaa"));
        assertEquals(Decision.DENY, PolicyEvaluator.decide(List.of(onlyOne), DELETE_ZONE, List.of("aaaa")));
        assertEquals(Decision.NONE, PolicyEvaluator.decide(List.of(onlyOne), DELETE_ZONE, List.of("bbbb")));
    }

    @Test
    void malformedStatementsAreRefusedWithAClearMessage() {
        ApiException e = assertThrows(ApiException.class, () -> PolicyCodec.parse(List.of(Map.of("effect", "Maybe", "actions", List.of("*")))));
        assertTrue(e.getMessage().contains("Allow or Deny"), e.getMessage());
        assertThrows(ApiException.class, () -> PolicyCodec.parse(List.of(Map.of("effect", "Allow"))));
        assertThrows(ApiException.class, () -> PolicyCodec.parse(List.of()));
        assertThrows(ApiException.class, () -> PolicyCodec.parse("not a list"));
        List<PolicyStatement> back = PolicyCodec.decode(PolicyCodec.encode(PolicyCodec.parse(
                List.of(Map.of("name", "n", "effect", "Deny", "actions", List.of("zone:*"), "resources", List.of())))));
        assertEquals(List.of(new PolicyStatement("n", "Deny", List.of("zone:*"), List.of())), back);
    }
}
