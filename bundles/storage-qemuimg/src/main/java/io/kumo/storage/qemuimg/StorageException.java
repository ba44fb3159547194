package io.kumo.storage.qemuimg;

/** A storage command or file operation failed; the message says where, why, and what to do next. */
public class StorageException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param message what failed and what to do */
    public StorageException(String message) {
        super(message);
    }

    /** @param message what failed and what to do @param cause the underlying failure */
    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
