package io.kumo.rest;

import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RouteTableTest {
    private final RouteTable table = RouteTableBuilder.build(TestOperations.zoneOperations());

    private static String operationOf(RouteMatch match) {
        Route.Target t = match.route().target();
        return t instanceof Route.OperationTarget o ? o.operation().name() : t.toString();
    }

    @Test
    void templatesBindWholeSegmentVariables() {
        PathTemplate t = PathTemplate.parse("/zones/{uuid}/actions");
        assertTrue(t.matches(List.of("zones", "abc", "actions")));
        assertFalse(t.matches(List.of("zones", "abc")));
        assertFalse(t.matches(List.of("zones", "abc", "other")));
        assertEquals(Map.of("uuid", "abc"), t.bind(List.of("zones", "abc", "actions")));
        assertEquals("/zones/{}/actions", t.shape());
        assertEquals("/", PathTemplate.parse("/").text());
    }

    @Test
    void looksUpByMethodAndPath() {
        assertEquals("QueryZone", operationOf(table.lookup("GET", List.of("zones"))));
        assertEquals("CreateZone", operationOf(table.lookup("POST", List.of("zones"))));
        assertEquals("DeleteZone", operationOf(table.lookup("DELETE", List.of("zones", "z1"))));
        RouteMatch byUuid = table.lookup("GET", List.of("zones", "z1"));
        assertTrue(((Route.OperationTarget) byUuid.route().target()).uuidCondition());
        RouteMatch put = table.lookup("PUT", List.of("zones", "z1", "actions"));
        assertEquals(Set.of("updateZone", "changeZoneState"),
                ((Route.ActionTarget) put.route().target()).actions().keySet());
    }

    @Test
    void reportsAllowedMethodsOrNothing() {
        RouteMatch wrongMethod = table.lookup("PUT", List.of("zones"));
        assertTrue(wrongMethod.methodNotAllowed());
        assertEquals(Set.of("GET", "POST"), wrongMethod.allowedMethods());
        RouteMatch unknown = table.lookup("GET", List.of("hosts"));
        assertFalse(unknown.found());
        assertFalse(unknown.methodNotAllowed());
    }

    @Test
    void literalSegmentsBeatVariablesAndBuiltinsComeFirst() {
        OperationDescriptor special = OperationDescriptor.builder("GetZoneCapacity").kind(OperationKind.READ)
                .rest(RestBinding.get("/zones/capacity")).build();
        OperationDescriptor shadow = OperationDescriptor.builder("GetJob").kind(OperationKind.READ)
                .param(ParameterDescriptor.string("id")).rest(RestBinding.get("/api-jobs/{id}")).build();
        RouteTable t = RouteTableBuilder.build(List.of(TestOperations.queryZone(), special, shadow));

        assertEquals("GetZoneCapacity", operationOf(t.lookup("GET", List.of("zones", "capacity"))));
        assertEquals("QueryZone", operationOf(t.lookup("GET", List.of("zones", "other"))));
        assertEquals(Route.Builtin.API_JOB, t.lookup("GET", List.of("api-jobs", "j1")).route().target());
        assertEquals(Route.Builtin.INDEX, t.lookup("GET", List.of()).route().target());
    }

    @Test
    void explicitBindingBeatsTheDerivedUuidRouteAndFirstNameWinsConflicts() {
        OperationDescriptor get = OperationDescriptor.builder("GetZone").kind(OperationKind.READ)
                .param(ParameterDescriptor.uuid("zoneUuid")).rest(RestBinding.get("/zones/{zoneUuid}")).build();
        OperationDescriptor dup = OperationDescriptor.builder("AQueryZone").kind(OperationKind.QUERY)
                .rest(RestBinding.get("/zones")).build();
        RouteTable t = RouteTableBuilder.build(List.of(TestOperations.queryZone(), get, dup));

        assertEquals("GetZone", operationOf(t.lookup("GET", List.of("zones", "z1"))));
        assertEquals("AQueryZone", operationOf(t.lookup("GET", List.of("zones"))));
    }
}
