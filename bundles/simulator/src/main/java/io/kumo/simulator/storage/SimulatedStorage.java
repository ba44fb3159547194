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
    /** Snapshots: snapshot path to the path of its volume. */
    private final Map<String, String> snapshots = new ConcurrentHashMap<>();
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

    /** @param installPath an item to delete, with its snapshots; nothing happens if it is gone */
    synchronized void remove(String installPath) {
        snapshots.values().removeIf(installPath::equals);
        Long bytes = items.remove(installPath);
        if (bytes != null) {
            available = Math.min(total, available + bytes);
        }
    }

    /** @param installPath a path @return true if the storage holds it */
    public boolean holds(String installPath) {
        return items.containsKey(installPath);
    }

    /**
     * Grows an item, taking the extra bytes.
     *
     * @param installPath where
     * @param bytes       its new size, larger than now
     * @throws SimulatorException if it is absent, would shrink, or the storage lacks the space
     */
    synchronized void resize(String installPath, long bytes) throws SimulatorException {
        Long now = items.get(installPath);
        if (now == null) {
            throw new SimulatorException("simulated " + label + " " + uuid + " holds no " + installPath);
        }
        if (bytes <= now) {
            throw new SimulatorException(installPath + " is " + now + " bytes; it only grows, not to " + bytes);
        }
        if (bytes - now > available) {
            throw new SimulatorException("simulated " + label + " " + uuid + " has " + available + " bytes free, growing "
                    + installPath + " needs " + (bytes - now));
        }
        available -= bytes - now;
        items.put(installPath, bytes);
    }

    /**
     * Takes a snapshot of an item (kept as a name: it takes no space).
     *
     * @return the snapshot's path @throws SimulatorException if the item is absent
     */
    String snapshot(String installPath, String snapshotUuid) throws SimulatorException {
        if (!items.containsKey(installPath)) {
            throw new SimulatorException("simulated " + label + " " + uuid + " holds no " + installPath + " to snapshot");
        }
        String path = installPath + "@" + snapshotUuid;
        snapshots.put(path, installPath);
        return path;
    }

    /** @throws SimulatorException unless the snapshot exists and is of that item */
    void requireSnapshot(String installPath, String snapshotPath) throws SimulatorException {
        if (!installPath.equals(snapshots.get(snapshotPath))) {
            throw new SimulatorException("simulated " + label + " " + uuid + " has no snapshot " + snapshotPath + " of " + installPath);
        }
    }

    /** @param snapshotPath a snapshot to delete; nothing happens if it is gone */
    void removeSnapshot(String snapshotPath) { snapshots.remove(snapshotPath); }

    /** @return how many snapshots it holds */
    public int snapshotCount() { return snapshots.size(); }

    /** @param installPath an item @return its size in bytes, or null if absent */
    public Long sizeOf(String installPath) { return items.get(installPath); }

    /** @return how many items it holds */
    public int size() {
        return items.size();
    }
}
