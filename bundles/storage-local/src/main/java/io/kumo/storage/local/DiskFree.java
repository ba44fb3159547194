package io.kumo.storage.local;

import io.kumo.api.storage.StorageCapacity;
import io.kumo.storage.qemuimg.CommandRunner;
import io.kumo.storage.qemuimg.StorageException;

import java.util.List;

/** Reads the capacity of a directory's file system on a host with {@code df -B1 --output=size,avail}. */
final class DiskFree {
    private DiskFree() { }

    /** @param runner where @param dir an absolute directory @return its file system's capacity */
    static StorageCapacity of(CommandRunner runner, String dir) throws StorageException {
        String out = runner.check(List.of("df", "-B1", "--output=size,avail", dir)).stdout();
        return parse(out, runner.where());
    }

    static StorageCapacity parse(String out, String where) throws StorageException {
        String[] lines = out.strip().split("\\R");
        if (lines.length >= 2) {
            String[] f = lines[lines.length - 1].strip().split("\\s+");
            if (f.length == 2) {
                try {
                    long total = Long.parseLong(f[0]);
                    return new StorageCapacity(total, Math.min(total, Long.parseLong(f[1])));
                } catch (NumberFormatException e) {
                    // reported below
                }
            }
        }
        throw new StorageException("cannot read the free space on " + where + " from df: " + out.strip());
    }
}
