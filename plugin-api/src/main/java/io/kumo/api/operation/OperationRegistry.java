package io.kumo.api.operation;

import java.util.Collection;
import java.util.Optional;

/** The operations served right now, as registered by the kernel and by plugins. */
public interface OperationRegistry {
    /** @return every registered operation */
    Collection<Operation> operations();

    /** @param name an operation name @return the operation, if registered */
    Optional<Operation> find(String name);

    /**
     * @param listener called when operations come and go
     * @return a handle that removes the listener when closed
     */
    AutoCloseable addListener(Listener listener);

    /** Notified when operations are added or removed. */
    interface Listener {
        /** @param operation the operation now served */
        void added(Operation operation);

        /** @param operation the operation no longer served */
        void removed(Operation operation);
    }
}
