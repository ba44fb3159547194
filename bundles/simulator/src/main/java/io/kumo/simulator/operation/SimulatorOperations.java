package io.kumo.simulator.operation;

/** What the simulator's operations share. */
final class SimulatorOperations {
    /** The resource type of the simulator's operations, for permissions: {@code simulator:read} and {@code simulator:write}. */
    static final String RESOURCE_TYPE = "simulator";
    /** A 32-hex-digit uuid or {@code all}. */
    static final String TARGET_PATTERN = "all|[0-9a-fA-F]{32}";

    private SimulatorOperations() { }
}
