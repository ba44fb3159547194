package io.kumo.bus.internal;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Bounds the messages taken from the broker but not processed yet. A delivery thread that finds the backlog full
 * waits, which stops it from taking more messages: the broker keeps them (and pages them) instead of this JVM.
 */
public final class Backlog {
    private static final long POLL_MILLIS = 100;

    private final Semaphore permits;
    private final int capacity;

    /** @param capacity how many messages may wait or run at once */
    public Backlog(int capacity) {
        this.capacity = capacity;
        this.permits = new Semaphore(capacity);
    }

    /**
     * Waits for room.
     *
     * @param open tells whether waiting still makes sense
     * @return true when a place was taken and {@link #leave()} must follow, false when {@code open} turned false
     */
    public boolean enter(BooleanSupplier open) {
        try {
            while (open.getAsBoolean()) {
                if (permits.tryAcquire(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    /** Frees a place taken by {@link #enter(BooleanSupplier)}. */
    public void leave() {
        permits.release();
    }

    /** @return how many places are taken */
    public int used() {
        return capacity - permits.availablePermits();
    }
}
