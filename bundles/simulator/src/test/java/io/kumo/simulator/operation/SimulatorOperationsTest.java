package io.kumo.simulator.operation;

import io.kumo.api.error.ApiException;
import io.kumo.api.hypervisor.HostConnection;
import io.kumo.api.hypervisor.VmPowerState;
import io.kumo.api.hypervisor.VmSpec;
import io.kumo.api.operation.Caller;
import io.kumo.api.operation.HttpMethod;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.SyncOperation;
import io.kumo.simulator.SimulatorException;
import io.kumo.simulator.fault.FaultInjector;
import io.kumo.simulator.fault.InjectionInventory;
import io.kumo.simulator.host.SimulatedHosts;
import io.kumo.simulator.host.SimulatorHypervisorBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimulatorOperationsTest {
    private static final String HOST = "a".repeat(32);
    private static final String VM = "b".repeat(32);
    private static final HostConnection CONNECTION = new HostConnection(HOST, "c".repeat(32), "127.0.0.1", null, null, null,
            Map.of());
    private static final VmSpec VM_SPEC = new VmSpec(VM, "vm", HOST, 1, 1L << 30, "Linux", List.of(), List.of(), Map.of());

    private final FaultInjector faults = new FaultInjector();
    private final SimulatedHosts hosts = new SimulatedHosts();
    private final SimulatorHypervisorBackend backend = new SimulatorHypervisorBackend(hosts, faults);

    @AfterEach
    void close() {
        faults.close();
    }

    private static OperationResult run(SyncOperation op, Map<String, Object> params) {
        Map<String, Object> all = new HashMap<>();
        op.descriptor().parameters().values().stream().filter(p -> p.defaultValue() != null)
                .forEach(p -> all.put(p.name(), switch (p.type()) {
                    case LONG -> Long.valueOf(p.defaultValue());
                    case INTEGER -> Integer.valueOf(p.defaultValue());
                    default -> p.defaultValue();
                }));
        all.putAll(params);
        return op.execute(new OperationRequest(op.descriptor().name(), all, null, null, Caller.system("test"), "r1"));
    }

    @Test
    void configureQueryAndReset() throws Exception {
        backend.connect(CONNECTION);
        OperationResult configured = run(new ConfigureSimulatorOperation(faults),
                Map.of("target", HOST, "call", "startVm", "failures", 1, "message", "no luck"));
        assertEquals(new InjectionInventory(HOST, "startVm", 0, 1, "no luck"), configured.body().get("inventory"));
        SimulatorException e = assertThrows(SimulatorException.class, () -> backend.startVm(CONNECTION, VM_SPEC));
        assertTrue(e.getMessage().startsWith("no luck: simulated failure of startVm"), e.getMessage());

        run(new ConfigureSimulatorOperation(faults), Map.of("target", "all", "call", "ping", "latencyMs", 5L));
        hosts.powerOff(HOST);
        OperationResult listed = run(new QuerySimulatorConfigurationOperation(faults, hosts), Map.of());
        assertEquals(List.of(new InjectionInventory(HOST, "startVm", 0, 0, "no luck"),
                new InjectionInventory("all", "ping", 5, 0, null)), listed.body().get("inventories"));
        assertEquals(List.of(HOST), listed.body().get("poweredOffHostUuids"));

        run(new ResetSimulatorOperation(faults, hosts), Map.of());
        OperationResult after = run(new QuerySimulatorConfigurationOperation(faults, hosts), Map.of());
        assertEquals(List.of(), after.body().get("inventories"));
        assertEquals(List.of(), after.body().get("poweredOffHostUuids"));
        assertTrue(backend.ping(CONNECTION).toCompletableFuture().get());
    }

    @Test
    void configureWithNothingClears() {
        run(new ConfigureSimulatorOperation(faults), Map.of("target", HOST, "call", "all", "failures", -1));
        assertEquals(Map.of(), run(new ConfigureSimulatorOperation(faults), Map.of("target", HOST, "call", "all")).body());
        assertEquals(List.of(), faults.list());
    }

    @Test
    void powerOffAndOnAHost() throws Exception {
        backend.connect(CONNECTION);
        run(PowerSimulatorHostOperation.powerOff(hosts), Map.of("uuid", HOST));
        assertFalse(hosts.get(HOST).orElseThrow().poweredOn());
        run(PowerSimulatorHostOperation.powerOn(hosts), Map.of("uuid", HOST));
        assertTrue(hosts.get(HOST).orElseThrow().poweredOn());
        ApiException e = assertThrows(ApiException.class,
                () -> run(PowerSimulatorHostOperation.powerOff(hosts), Map.of("uuid", "e".repeat(32))));
        assertEquals(404, e.error().httpStatus());
    }

    @Test
    void killAVm() throws Exception {
        backend.startVm(CONNECTION, VM_SPEC);
        OperationResult killed = run(new KillSimulatorVmOperation(hosts), Map.of("uuid", VM));
        assertEquals(Map.of("vmUuid", VM, "hostUuid", HOST), killed.body());
        assertEquals(VmPowerState.Stopped, backend.vmStates(CONNECTION).get(VM));
        assertThrows(ApiException.class, () -> run(new KillSimulatorVmOperation(hosts), Map.of("uuid", "f".repeat(32))));
    }

    @Test
    void restBindings() {
        SimulatedHosts h = new SimulatedHosts();
        List<SyncOperation> ops = List.of(new ConfigureSimulatorOperation(faults), new ResetSimulatorOperation(faults, h),
                new QuerySimulatorConfigurationOperation(faults, h), PowerSimulatorHostOperation.powerOff(h),
                PowerSimulatorHostOperation.powerOn(h), new KillSimulatorVmOperation(h));
        assertEquals(List.of("PUT /simulators/actions configureSimulator", "PUT /simulators/actions resetSimulator",
                        "GET /simulators/configurations null", "PUT /hosts/{uuid}/actions powerOffSimulatorHost",
                        "PUT /hosts/{uuid}/actions powerOnSimulatorHost", "PUT /vm-instances/{uuid}/actions killSimulatorVm"),
                ops.stream().map(op -> op.descriptor().rest().orElseThrow())
                        .map(r -> r.method() + " " + r.path() + " " + r.actionKey()).toList());
        assertTrue(ops.stream().noneMatch(op -> op.descriptor().async()), "all answered at once");
        assertEquals(HttpMethod.GET, ops.get(2).descriptor().rest().orElseThrow().method());
    }
}
