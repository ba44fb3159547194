package io.kumo.simulator.operation;

import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.hypervisor.VmSpec;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.operation.SyncOperation;
import io.kumo.simulator.host.SimulatedHost;
import io.kumo.simulator.host.SimulatedHosts;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /simulators/vm-specs/{uuid}}: what a simulated host runs the VM with (the spec it was started with, then
 * changed by hot-plugs), to check what reached the hypervisor. The console password is never returned: only
 * {@code consolePasswordSet}.
 */
public class GetSimulatorVmSpecOperation implements SyncOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("GetSimulatorVmSpec")
            .description("Show what a simulated host runs a VM with (never its console password)")
            .kind(OperationKind.READ).async(false).resourceType(SimulatorOperations.RESOURCE_TYPE)
            .param(ParameterDescriptor.uuid("uuid").mandatory().describedAs("the VM"))
            .rest(RestBinding.get("/simulators/vm-specs/{uuid}"))
            .build();

    private final SimulatedHosts hosts;

    /** @param hosts the simulated hosts */
    public GetSimulatorVmSpecOperation(SimulatedHosts hosts) { this.hosts = hosts; }

    @Override public OperationDescriptor descriptor() { return DESCRIPTOR; }

    @Override
    public OperationResult execute(OperationRequest request) {
        String vm = request.string("uuid");
        SimulatedHost host = hosts.hostOf(vm).orElseThrow(() -> new ApiException(ErrorCode.RESOURCE_NOT_FOUND,
                "no simulated host on this management node runs VM " + vm));
        VmSpec spec = host.spec(vm).orElseThrow(() -> new ApiException(ErrorCode.RESOURCE_NOT_FOUND,
                "simulated host " + host.uuid() + " knows VM " + vm + " but not what it was started with"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("hostUuid", host.uuid());
        body.put("powerState", host.vmState(vm).name());
        body.put("cpuNum", spec.cpuNum());
        body.put("memorySize", spec.memory());
        body.put("nics", spec.nics().stream().map(n -> Map.of("nicUuid", n.nicUuid(), "ip", String.valueOf(n.ip()),
                "mac", n.mac(), "l3NetworkUuid", n.l3NetworkUuid(), "deviceId", n.deviceId())).toList());
        body.put("cdroms", spec.cdroms().stream().map(c -> {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("deviceId", c.deviceId());
            d.put("imageUuid", c.imageUuid());
            d.put("installPath", c.installPath());
            return d;
        }).toList());
        body.put("disks", spec.disks().size());
        body.put("bootOrder", spec.properties().get(VmSpec.BOOT_ORDER));
        body.put("videoType", spec.properties().get(VmSpec.VIDEO_TYPE));
        body.put("consolePasswordSet", spec.properties().containsKey(VmSpec.CONSOLE_PASSWORD));
        return OperationResult.of(body);
    }
}
