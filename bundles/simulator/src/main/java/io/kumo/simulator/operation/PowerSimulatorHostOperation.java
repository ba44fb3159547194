package io.kumo.simulator.operation;

import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.operation.SyncOperation;
import io.kumo.simulator.host.SimulatedHosts;

/**
 * {@code PUT /hosts/{uuid}/actions {"powerOffSimulatorHost":{}}} and {@code {"powerOnSimulatorHost":{}}}: the world
 * changing under Kumo. A powered-off host fails its pings, connects and VM calls, and its VMs stop; powered on again,
 * it answers with its VMs stopped.
 */
public final class PowerSimulatorHostOperation implements SyncOperation {
    private final OperationDescriptor descriptor;
    private final SimulatedHosts hosts;
    private final boolean on;

    private PowerSimulatorHostOperation(SimulatedHosts hosts, boolean on) {
        this.hosts = hosts;
        this.on = on;
        String name = on ? "PowerOnSimulatorHost" : "PowerOffSimulatorHost";
        this.descriptor = OperationDescriptor.builder(name)
                .description(on ? "Power a simulated host back on; its VMs stay stopped"
                        : "Power a simulated host off behind Kumo's back: pings and calls fail, its VMs stop")
                .kind(OperationKind.ACTION).async(false).resourceType(SimulatorOperations.RESOURCE_TYPE)
                .param(ParameterDescriptor.uuid("uuid").mandatory().describedAs("the simulator host"))
                .rest(RestBinding.put("/hosts/{uuid}/actions", on ? "powerOnSimulatorHost" : "powerOffSimulatorHost"))
                .build();
    }

    /** @param hosts the simulated hosts @return {@code PowerOnSimulatorHost} */
    public static PowerSimulatorHostOperation powerOn(SimulatedHosts hosts) {
        return new PowerSimulatorHostOperation(hosts, true);
    }

    /** @param hosts the simulated hosts @return {@code PowerOffSimulatorHost} */
    public static PowerSimulatorHostOperation powerOff(SimulatedHosts hosts) {
        return new PowerSimulatorHostOperation(hosts, false);
    }

    @Override public OperationDescriptor descriptor() { return descriptor; }

    @Override
    public OperationResult execute(OperationRequest request) {
        String uuid = request.string("uuid");
        boolean known = on ? hosts.powerOn(uuid) : hosts.powerOff(uuid);
        if (!known) {
            throw new ApiException(ErrorCode.RESOURCE_NOT_FOUND, "the simulator on this management node knows no host "
                    + uuid + "; add it with AddSimulatorHost or reconnect it first");
        }
        return OperationResult.empty();
    }
}
