package io.kumo.simulator.storage;

import io.kumo.api.storage.StorageCapacity;
import io.kumo.simulator.SimulatorException;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One simulated storage (primary or backup): its capacity and what it holds (volumes or images), by install path.
 * Thread-safe: capacity is taken and given back atomically with the item.
 */
public final class SimulatedStorage {
    /** The scheme of simulated install paths: {@code simulator://<storageUuid>/<itemUuid>}. */
    public static final String SCHEME = "simulator://";

    private final String uuid;
    private final String label;
    private final Map<String, Long> items = new ConcurrentHashMap<>();
    private long total;
    private long available;

    SimulatedStorage(String uuid, String label) {
        this.uuid = uuid;
        this.label = label;
    }

    /** @return the storage uuid */
    public String uuid() { return uuid; }

    /** @param itemUuid a volume or image @return its install path on this storage */
    public String installPath(String itemUuid) {
        return SCHEME + uuid + "/" + itemUuid;
    }

    /**
     * Sets the capacity the storage was added with; what it already holds is taken from it.
     *
     * @param newTotal     bytes in all
     * @param newAvailable bytes free before what it holds
     * @return the capacity it reports
     */
    synchronized StorageCapacity capacity(long newTotal, long newAvailable) {
        long held = items.values().stream().mapToLong(Long::longValue).sum();
        this.total = newTotal;
        this.available = Math.max(0, newAvailable - held);
        return new StorageCapacity(total, available);
    }

    /** @return the capacity now */
    public synchronized StorageCapacity capacity() {
        return new StorageCapacity(total, available);
    }

    /**
     * Stores an item, taking its bytes; storing the same path again is a no-op.
     *
     * @param installPath where
     * @param bytes       what it takes
     * @throws SimulatorException if the storage lacks the space
     */
    synchronized void put(String installPath, long bytes) throws SimulatorException {
        if (items.containsKey(installPath)) {
            return;
        }
        if (bytes > available) {
            throw new SimulatorException("simulated " + label + " " + uuid + " has " + available + " bytes free, "
                    + installPath + " needs " + bytes + "; add it with a larger availableCapacity or delete something");
        }
        available -= bytes;
        items.put(installPath, bytes);
    }

    /** @param installPath an item to delete; nothing happens if it is gone */
    synchronized void remove(String installPath) {
        Long bytes = items.remove(installPath);
        if (bytes != null) {
            available = Math.min(total, available + bytes);
        }
    }

    /** @param installPath a path @return true if the storage holds it */
    public boolean holds(String installPath) {
        return items.containsKey(installPath);
    }

    /** @return how many items it holds */
    public int size() {
        return items.size();
    }
}
