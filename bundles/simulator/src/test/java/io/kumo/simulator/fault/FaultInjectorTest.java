package io.kumo.simulator.fault;

import io.kumo.simulator.SimulatorException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FaultInjectorTest {
    private static final String HOST = "a".repeat(32);
    private final FaultInjector faults = new FaultInjector();

    @AfterEach
    void close() {
        faults.close();
    }

    @Test
    void failsTheConfiguredNumberOfTimesThenSucceeds() throws Exception {
        faults.configure(HOST, SimulatedCall.STOP_VM, 0, 3, null);
        for (int i = 0; i < 3; i++) {
            SimulatorException e = assertThrows(SimulatorException.class, () -> faults.apply(SimulatedCall.STOP_VM, "host", HOST, null));
            assertEquals("simulated failure of stopVm on host " + HOST
                    + " (configured by ConfigureSimulator; clear it with ResetSimulator)", e.getMessage());
        }
        faults.apply(SimulatedCall.STOP_VM, "host", HOST, null);
        assertEquals(0, faults.list().get(0).failures());
    }

    @Test
    void minusOneFailsAlwaysAndZeroClears() throws Exception {
        faults.configure("all", SimulatedCall.ALL, 0, -1, "disk on fire");
        for (int i = 0; i < 5; i++) {
            SimulatorException e = assertThrows(SimulatorException.class,
                    () -> faults.apply(SimulatedCall.DELETE_IMAGE, "backup storage", HOST, null));
            assertTrue(e.getMessage().startsWith("disk on fire: simulated failure of deleteImage on backup storage"));
        }
        assertNull(faults.configure("all", SimulatedCall.ALL, 0, 0, null));
        assertEquals(List.of(), faults.list());
        faults.apply(SimulatedCall.DELETE_IMAGE, "backup storage", HOST, null);
    }

    @Test
    void latencyIsObserved() throws Exception {
        faults.configure(HOST, SimulatedCall.CONNECT, 150, 0, null);
        long start = System.nanoTime();
        faults.apply(SimulatedCall.CONNECT, "host", HOST, null);
        assertTrue(System.nanoTime() - start >= 150_000_000L);
        start = System.nanoTime();
        faults.apply(SimulatedCall.PING, "host", HOST, null);
        assertTrue(System.nanoTime() - start < 100_000_000L, "other calls are not delayed");
    }

    @Test
    void theMostSpecificInjectionWins() {
        faults.configure("all", SimulatedCall.ALL, 0, -1, null);
        faults.configure(HOST, SimulatedCall.START_VM, 7, 0, null);
        assertEquals(new FaultInjector.Outcome(7, null), faults.next(SimulatedCall.START_VM, "host", HOST, null));
        assertTrue(faults.next(SimulatedCall.STOP_VM, "host", HOST, null).failure() != null, "falls back to all/all");
        assertTrue(faults.next(SimulatedCall.START_VM, "host", "b".repeat(32), null).failure() != null);
    }

    @Test
    void resetClearsEverything() throws Exception {
        faults.configure(HOST, SimulatedCall.PING, 10, -1, null);
        faults.configure("all", SimulatedCall.CONNECT, 0, 2, null);
        assertEquals(2, faults.list().size());
        faults.reset();
        assertEquals(List.of(), faults.list());
        faults.apply(SimulatedCall.CONNECT, "host", HOST, null);
        assertEquals(new FaultInjector.Outcome(0, null), faults.next(SimulatedCall.PING, "host", HOST, null));
    }

    @Test
    void refusesNegativeLatency() {
        assertThrows(IllegalArgumentException.class, () -> faults.configure(HOST, SimulatedCall.PING, -1, 0, null));
        assertThrows(IllegalArgumentException.class, () -> faults.configure(HOST, SimulatedCall.PING, 0, -2, null));
    }

    @Test
    void callsHaveWireNames() {
        assertEquals(SimulatedCall.CREATE_ROOT_VOLUME, SimulatedCall.of("createRootVolume"));
        assertEquals(SimulatedCall.MIGRATE_VM, SimulatedCall.of("migrateVm"));
        assertEquals(SimulatedCall.values().length, SimulatedCall.wireNames().length);
        assertThrows(IllegalArgumentException.class, () -> SimulatedCall.of("fly"));
    }

    @Test
    void aJobStepFailsTheConfiguredNumberOfTimesThroughTheInterceptorThenRuns() {
        SimulatorStepInterceptor interceptor = new SimulatorStepInterceptor(faults);
        assertEquals(new InjectionInventory("CreateVmInstance", "step allocate-nics", 0, 2, "oops"),
                faults.configureStep("CreateVmInstance", "allocate-nics", 2, "oops"));
        interceptor.beforeStep("CreateVmInstance", "persist-vm", "job");  // other steps run
        interceptor.beforeStep("DestroyVmInstance", "allocate-nics", "job");  // and other operations
        for (int i = 0; i < 2; i++) {
            io.kumo.api.error.ApiException e = assertThrows(io.kumo.api.error.ApiException.class,
                    () -> interceptor.beforeStep("CreateVmInstance", "allocate-nics", "job"));
            assertTrue(e.getMessage().contains("oops: simulated failure of step allocate-nics of CreateVmInstance"), e.getMessage());
        }
        interceptor.beforeStep("CreateVmInstance", "allocate-nics", "job");
        assertEquals(List.of(new InjectionInventory("CreateVmInstance", "step allocate-nics", 0, 0, "oops")), faults.list());
        faults.configureStep("CreateVmInstance", "announce", -1, null);
        assertNull(faults.configureStep("CreateVmInstance", "allocate-nics", 0, null));
        faults.reset();
        assertEquals(List.of(), faults.list());
        interceptor.beforeStep("CreateVmInstance", "announce", "job");
    }
}
