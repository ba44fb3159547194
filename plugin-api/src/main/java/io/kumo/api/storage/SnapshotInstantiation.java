package io.kumo.api.storage;

/**
 * Where a primary storage backend put a volume snapshot.
 *
 * @param installPath where the snapshot is (a path, or a volume path and a snapshot name for internal snapshots)
 * @param size        the bytes it takes
 */
public record SnapshotInstantiation(String installPath, long size) { }
