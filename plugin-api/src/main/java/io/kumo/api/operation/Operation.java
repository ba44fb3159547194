package io.kumo.api.operation;

/**
 * An operation served by Kumo. Register implementations as OSGi services of this interface (or of
 * {@link SyncOperation} / {@link AsyncOperation}, also registering this interface); the kernel serves them over REST,
 * the shell and the bus while the service is registered, and stops serving them when it goes away.
 */
public interface Operation {
    /** @return the declaration; must not change while registered */
    OperationDescriptor descriptor();
}
