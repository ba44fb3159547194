package io.kumo.compute.vm;

import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;

import java.util.Map;
import java.util.Set;

/** VM states, and the states each action accepts (ZStack's state machine, reduced to what Kumo does). */
public final class VmStates {
    public static final String CREATED = "Created";
    public static final String STARTING = "Starting";
    public static final String RUNNING = "Running";
    public static final String STOPPING = "Stopping";
    public static final String STOPPED = "Stopped";
    public static final String REBOOTING = "Rebooting";
    public static final String PAUSING = "Pausing";
    public static final String PAUSED = "Paused";
    public static final String RESUMING = "Resuming";
    public static final String MIGRATING = "Migrating";
    public static final String DESTROYING = "Destroying";
    public static final String DESTROYED = "Destroyed";
    public static final String EXPUNGING = "Expunging";
    public static final String UNKNOWN = "Unknown";
    public static final String ERROR = "Error";

    /** States in which a VM holds capacity on its host. */
    public static final Set<String> ON_HOST = Set.of(STARTING, RUNNING, STOPPING, REBOOTING, PAUSING, PAUSED, RESUMING,
            MIGRATING, UNKNOWN);

    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("startVmInstance", Set.of(STOPPED)),
            Map.entry("stopVmInstance", Set.of(RUNNING, PAUSED, UNKNOWN, STARTING, ERROR)),
            Map.entry("rebootVmInstance", Set.of(RUNNING)),
            Map.entry("pauseVmInstance", Set.of(RUNNING)),
            Map.entry("resumeVmInstance", Set.of(PAUSED)),
            Map.entry("migrateVm", Set.of(RUNNING)),
            Map.entry("destroyVmInstance", Set.of(CREATED, RUNNING, STOPPED, PAUSED, UNKNOWN, ERROR)),
            Map.entry("recoverVmInstance", Set.of(DESTROYED)),
            Map.entry("expungeVmInstance", Set.of(DESTROYED)),
            Map.entry("updateVmInstance", Set.of(CREATED, RUNNING, STOPPED, PAUSED, UNKNOWN, ERROR)));

    private VmStates() { }

    /** @param action an action key @return the states it accepts */
    public static Set<String> allowedFor(String action) { return ALLOWED.get(action); }

    /**
     * @param vmUuid the VM @param state its state @param action an action key
     * @throws ApiException {@link ErrorCode#INVALID_STATE} saying the state and the states the action needs
     */
    public static void require(String vmUuid, String state, String action) {
        Set<String> allowed = ALLOWED.get(action);
        if (!allowed.contains(state)) {
            throw new ApiException(ErrorCode.INVALID_STATE, "VM " + vmUuid + " is " + state + "; " + action
                    + " is allowed only when it is " + String.join(" or ", new java.util.TreeSet<>(allowed))
                    + (DESTROYED.equals(state) ? " (recover it first with recoverVmInstance)" : ""));
        }
    }
}
