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

    /** @return the capacity parameters and {@code localToHosts}, for primary storage */
    static List<ParameterDescriptor> primary() {
        List<ParameterDescriptor> all = new java.util.ArrayList<>(all());
        all.add(ParameterDescriptor.bool(SimulatorPrimaryStorageBackend.LOCAL_TO_HOSTS).withDefault("false")
                .describedAs("behave as storage local to each host: every connected host of an attached cluster reports"
                        + " totalCapacity and availableCapacity of its own, and the storage's capacity is their sum"));
        return List.copyOf(all);
    }
}
