package io.kumo.kvm.host;

/** A KVM host or libvirt failure, with a message that tells the operator what to check. */
public class KvmException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param message what failed and what to check */
    public KvmException(String message) {
        super(message);
    }

    /** @param message what failed and what to check @param cause the libvirt error */
    public KvmException(String message, Throwable cause) {
        super(message, cause);
    }
}
