package io.kumo.compute.network.ipam;

import java.util.BitSet;
import java.util.List;

/**
 * The allocator's in-memory view of one L3 network: per range, a bit per address telling whether it is taken, and a
 * cursor where the next search starts (next-fit), so that a dynamic allocation costs no database read of the used
 * addresses. It may be stale (other management nodes allocate too): the database's unique constraint has the last
 * word, and the allocator corrects the map on a conflict or rebuilds it when it looks full. Not thread-safe: callers
 * synchronize on it.
 */
final class AddressPool {
    /**
     * One range: addresses {@code start..end}; bit {@code i} of {@code taken} is set when {@code start + i} is used or
     * never given, and of {@code blocked} when it is never given (a gateway or reserved).
     */
    record Range(String uuid, long start, long end, String netmask, String gateway, BitSet taken, BitSet blocked) {
        boolean contains(long ip) { return ip >= start && ip <= end; }
    }

    /** A candidate address and the range it is in. */
    record Candidate(Range range, long ip) { }

    private final String signature;
    private final List<Range> ranges;
    private int cursorRange;
    private long cursorOffset;

    /**
     * @param signature what the ranges and reserved ranges were when built; a different one means rebuild
     * @param ranges    the ranges, with gateways, reserved and used addresses already marked
     */
    AddressPool(String signature, List<Range> ranges) {
        this.signature = signature;
        this.ranges = ranges;
    }

    String signature() { return signature; }

    List<Range> ranges() { return ranges; }

    /** @param ip an address @return its range, or null */
    Range rangeOf(long ip) {
        for (Range r : ranges) {
            if (r.contains(ip)) {
                return r;
            }
        }
        return null;
    }

    /** @return the next free address, marked taken, or null if every address is taken */
    Candidate takeNext() {
        int n = ranges.size();
        // from the cursor to the end, then the other ranges, then the first range again from its start
        for (int i = 0; n > 0 && i <= n; i++) {
            int ri = (cursorRange + i) % n;
            Range r = ranges.get(ri);
            int size = (int) (r.end() - r.start() + 1);
            int bit = r.taken().nextClearBit(i == 0 ? (int) cursorOffset : 0);
            if (bit < size) {
                r.taken().set(bit);
                cursorRange = ri;
                cursorOffset = bit + 1L;
                return new Candidate(r, r.start() + bit);
            }
        }
        return null;
    }

    /** @param ip an address now known to be taken */
    void markTaken(long ip) {
        Range r = rangeOf(ip);
        if (r != null) {
            r.taken().set((int) (ip - r.start()));
        }
    }

    /** @param ip an address now known to be free */
    void markFree(long ip) {
        Range r = rangeOf(ip);
        if (r != null && !r.blocked().get((int) (ip - r.start()))) {
            r.taken().clear((int) (ip - r.start()));
        }
    }
}
