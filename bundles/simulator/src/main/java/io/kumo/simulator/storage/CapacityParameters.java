package io.kumo.simulator.storage;

import io.kumo.api.operation.ParameterDescriptor;

import java.util.List;

/** The parameters both simulated storage types are added with, by ZStack's names. */
final class CapacityParameters {
    private CapacityParameters() { }

    /** @return {@code totalCapacity} and {@code availableCapacity}, in bytes, both optional */
    static List<ParameterDescriptor> all() {
        return List.of(
                ParameterDescriptor.longParam(SimulatedStorages.TOTAL_CAPACITY).range(0, Long.MAX_VALUE)
                        .describedAs("bytes in all (default 10 TiB)"),
                ParameterDescriptor.longParam(SimulatedStorages.AVAILABLE_CAPACITY).range(0, Long.MAX_VALUE)
                        .describedAs("bytes free (default: totalCapacity)"));
    }
}
