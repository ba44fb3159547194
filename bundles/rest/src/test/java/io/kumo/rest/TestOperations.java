package io.kumo.rest;

import io.kumo.api.operation.Operation;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.zone.ZoneInventory;

import java.util.List;

/** Zone-like operations declared the way plugins declare them. */
final class TestOperations {
    private TestOperations() { }

    static Operation of(OperationDescriptor d) { return () -> d; }

    static OperationDescriptor queryZone() {
        return OperationDescriptor.builder("QueryZone").kind(OperationKind.QUERY).resourceType("zone")
                .description("Query zones").rest(RestBinding.get("/zones")).inventoryType(ZoneInventory.class)
                .build();
    }

    static OperationDescriptor createZone() {
        return OperationDescriptor.builder("CreateZone").kind(OperationKind.CREATE).resourceType("zone")
                .description("Create a zone")
                .param(ParameterDescriptor.string("name").mandatory().maxLength(255).describedAs("zone name"))
                .param(ParameterDescriptor.string("description").maxLength(2048))
                .param(ParameterDescriptor.bool("isDefault").withDefault("false"))
                .rest(RestBinding.post("/zones")).inventoryType(ZoneInventory.class).build();
    }

    static OperationDescriptor updateZone() {
        return OperationDescriptor.builder("UpdateZone").kind(OperationKind.ACTION).resourceType("zone")
                .description("Update a zone")
                .param(ParameterDescriptor.uuid("uuid").mandatory())
                .param(ParameterDescriptor.string("name").maxLength(255))
                .rest(RestBinding.put("/zones/{uuid}/actions", "updateZone")).inventoryType(ZoneInventory.class)
                .build();
    }

    static OperationDescriptor changeZoneState() {
        return OperationDescriptor.builder("ChangeZoneState").kind(OperationKind.ACTION).resourceType("zone")
                .description("Enable or disable a zone")
                .param(ParameterDescriptor.uuid("uuid").mandatory())
                .param(ParameterDescriptor.string("stateEvent").mandatory().oneOf("enable", "disable"))
                .rest(RestBinding.put("/zones/{uuid}/actions", "changeZoneState"))
                .inventoryType(ZoneInventory.class).build();
    }

    static OperationDescriptor deleteZone() {
        return OperationDescriptor.builder("DeleteZone").kind(OperationKind.DELETE).resourceType("zone")
                .description("Delete a zone")
                .param(ParameterDescriptor.uuid("uuid").mandatory())
                .param(ParameterDescriptor.string("deleteMode").oneOf("Permissive", "Enforcing")
                        .withDefault("Permissive"))
                .rest(RestBinding.delete("/zones/{uuid}")).build();
    }

    static OperationDescriptor login() {
        return OperationDescriptor.builder("LogInByAccount").kind(OperationKind.ACTION).resourceType("account")
                .description("Log in with an account name and password").permission(OperationDescriptor.PUBLIC)
                .async(false)
                .param(ParameterDescriptor.string("accountName").mandatory())
                .param(ParameterDescriptor.string("password").mandatory().asSecret())
                .rest(RestBinding.put("/accounts/login", "logInByAccount")).build();
    }

    static List<OperationDescriptor> zoneOperations() {
        return List.of(queryZone(), createZone(), updateZone(), changeZoneState(), deleteZone(), login());
    }
}
