package io.kumo.compute.host;

import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;

/**
 * The administrative state machine of a host: {@code Enabled}, {@code Disabled}, {@code PreMaintenance} (VMs being
 * moved off) and {@code Maintenance}, driven by the state events {@code enable}, {@code disable} and {@code maintain}.
 */
final class HostStates {
    static final String ENABLED = "Enabled";
    static final String DISABLED = "Disabled";
    static final String PRE_MAINTENANCE = "PreMaintenance";
    static final String MAINTENANCE = "Maintenance";

    private HostStates() { }

    /**
     * @param current the host's state
     * @param event   {@code enable}, {@code disable} or {@code maintain}
     * @return the state the event leads to ({@code Maintenance} for maintain, through {@code PreMaintenance})
     * @throws ApiException 409 while the host is entering maintenance
     */
    static String next(String current, String event) {
        if (PRE_MAINTENANCE.equals(current)) {
            throw new ApiException(ErrorCode.INVALID_STATE, "the host is entering maintenance (state PreMaintenance);"
                    + " wait until it is in Maintenance, then " + event + " it");
        }
        return target(event);
    }

    /** @param event {@code enable}, {@code disable} or {@code maintain} @return the state it leads to */
    static String target(String event) {
        return switch (event) {
            case "enable" -> ENABLED;
            case "disable" -> DISABLED;
            case "maintain" -> MAINTENANCE;
            default -> throw ApiException.invalidArgument("stateEvent must be enable, disable or maintain, not " + event);
        };
    }
}
