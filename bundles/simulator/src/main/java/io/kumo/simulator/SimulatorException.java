package io.kumo.simulator;

/** A simulated backend call failed: an injected failure, a powered-off host or an impossible request. */
public class SimulatorException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param message what failed and what to do about it */
    public SimulatorException(String message) {
        super(message);
    }
}
