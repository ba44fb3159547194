package io.kumo.simulator.storage;

import io.kumo.api.storage.StorageCapacity;
import io.kumo.simulator.SimulatorException;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The simulated storages of one kind (primary or backup) in this JVM, by uuid. */
public class SimulatedStorages {
    /** Property: bytes in all. */
    public static final String TOTAL_CAPACITY = "totalCapacity";
    /** Property: bytes free. */
    public static final String AVAILABLE_CAPACITY = "availableCapacity";
    /** The capacity of a storage added without one: 10 TiB. */
    public static final long DEFAULT_CAPACITY = 10L << 40;

    private final String label;
    private final Map<String, SimulatedStorage> storages = new ConcurrentHashMap<>();

    /** @param label what the storages are, for messages, e.g. {@code primary storage} */
    public SimulatedStorages(String label) {
        this.label = label;
    }

    /** @return what the storages are, e.g. {@code primary storage} */
    public String label() { return label; }

    /**
     * Connects a storage with the capacity its properties give (default {@link #DEFAULT_CAPACITY}, available defaults
     * to total).
     *
     * @param uuid       the storage
     * @param properties its {@code totalCapacity} and {@code availableCapacity}, as strings
     * @return the capacity it reports
     * @throws SimulatorException if the figures are invalid
     */
    StorageCapacity connect(String uuid, Map<String, String> properties) throws SimulatorException {
        long total = bytes(uuid, properties, TOTAL_CAPACITY, DEFAULT_CAPACITY);
        long available = bytes(uuid, properties, AVAILABLE_CAPACITY, total);
        if (available > total) {
            throw new SimulatorException("simulated " + label + " " + uuid + ": availableCapacity " + available
                    + " exceeds totalCapacity " + total);
        }
        return get(uuid).capacity(total, available);
    }

    /**
     * @param uuid       a storage local to each host
     * @param properties its {@code totalCapacity} and {@code availableCapacity}: what each host has
     * @return the capacity one host sees
     * @throws SimulatorException if the figures are invalid
     */
    StorageCapacity perHost(String uuid, Map<String, String> properties) throws SimulatorException {
        long total = bytes(uuid, properties, TOTAL_CAPACITY, DEFAULT_CAPACITY);
        long available = bytes(uuid, properties, AVAILABLE_CAPACITY, total);
        if (available > total) {
            throw new SimulatorException("simulated " + label + " " + uuid + ": availableCapacity " + available
                    + " exceeds totalCapacity " + total);
        }
        return new StorageCapacity(total, available);
    }

    private long bytes(String uuid, Map<String, String> properties, String name, long fallback) throws SimulatorException {
        String value = properties == null ? null : properties.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            long bytes = Long.parseLong(value.trim());
            if (bytes >= 0) {
                return bytes;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new SimulatorException("simulated " + label + " " + uuid + ": " + name + " must be a number of bytes >= 0, not '"
                + value + "'");
    }

    /**
     * @param uuid a storage
     * @return it; one Kumo has but this JVM never connected (e.g. after a restart) gets the default capacity
     */
    SimulatedStorage get(String uuid) {
        return storages.computeIfAbsent(uuid, u -> {
            SimulatedStorage s = new SimulatedStorage(u, label);
            s.capacity(DEFAULT_CAPACITY, DEFAULT_CAPACITY);
            return s;
        });
    }

    /** @param uuid a storage @return it, if this simulator knows it */
    public Optional<SimulatedStorage> find(String uuid) {
        return Optional.ofNullable(storages.get(uuid));
    }
}
