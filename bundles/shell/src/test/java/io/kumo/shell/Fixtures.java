package io.kumo.shell;

import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.ParamType;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;

/** Operation declarations used across the tests. */
final class Fixtures {
    private Fixtures() { }

    static final OperationDescriptor CREATE_ZONE = OperationDescriptor.builder("CreateZone")
            .description("Create a zone")
            .kind(OperationKind.CREATE)
            .resourceType("zone")
            .param(ParameterDescriptor.string("name").mandatory().maxLength(255).describedAs("zone name"))
            .param(ParameterDescriptor.string("description").describedAs("what the zone is for"))
            .param(ParameterDescriptor.string("state").oneOf("Enabled", "Disabled").withDefault("Enabled")
                    .describedAs("initial state"))
            .param(ParameterDescriptor.bool("dryRun").describedAs("check only"))
            .rest(RestBinding.post("/zones"))
            .build();

    static final OperationDescriptor UPDATE_ZONE = OperationDescriptor.builder("UpdateZone")
            .description("Update a zone")
            .kind(OperationKind.ACTION)
            .param(ParameterDescriptor.uuid("uuid").mandatory())
            .param(ParameterDescriptor.string("name"))
            .param(ParameterDescriptor.stringList("tags").describedAs("labels, comma-separated"))
            .param(ParameterDescriptor.of("labels", ParamType.MAP))
            .param(ParameterDescriptor.integer("weight"))
            .param(ParameterDescriptor.bool("enabled"))
            .rest(RestBinding.put("/zones/{uuid}/actions", "updateZone"))
            .build();

    static final OperationDescriptor QUERY_ZONE = OperationDescriptor.builder("QueryZone")
            .description("Query zones")
            .kind(OperationKind.QUERY)
            .rest(RestBinding.get("/zones"))
            .build();

    static final OperationDescriptor GET_ZONE = OperationDescriptor.builder("GetZone")
            .kind(OperationKind.READ)
            .param(ParameterDescriptor.uuid("uuid").mandatory())
            .rest(RestBinding.get("/zones/{uuid}"))
            .build();
}
