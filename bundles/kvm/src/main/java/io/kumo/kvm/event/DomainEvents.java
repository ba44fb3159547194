package io.kumo.kvm.event;

import io.kumo.api.hypervisor.VmPowerState;
import org.libvirt.event.DomainEvent;
import org.libvirt.event.DomainEventType;
import org.libvirt.event.StoppedDetail;

/**
 * Translates libvirt lifecycle events into Kumo power states and reasons. Events of a migration (the source stopping,
 * the target starting) and of definitions are not state changes for Kumo: they give null.
 */
public final class DomainEvents {
    private DomainEvents() { }

    /**
     * @param type   the event type
     * @param detail the event detail, or null
     * @return the state the VM is in after the event, or null if the event is not a power state change
     */
    public static VmPowerState state(DomainEventType type, Object detail) {
        String d = detail == null ? "" : detail.toString();
        return switch (type) {
            case STARTED -> "MIGRATED".equals(d) ? null : VmPowerState.Running;
            case RESUMED -> "MIGRATED".equals(d) ? null : VmPowerState.Running;
            case SUSPENDED, PMSUSPENDED -> "MIGRATED".equals(d) ? null : VmPowerState.Paused;
            case STOPPED -> detail == StoppedDetail.MIGRATED ? null : VmPowerState.Stopped;
            case UNDEFINED -> VmPowerState.Absent;
            default -> null;  // DEFINED, SHUTDOWN (guest asked; STOPPED follows), CRASHED (preserved), UNKNOWN
        };
    }

    /** @param event a libvirt event @return the state after it, or null (see {@link #state(DomainEventType, Object)}) */
    public static VmPowerState state(DomainEvent event) {
        return state(event.getType(), event.getDetail());
    }

    /**
     * @param type   the event type
     * @param detail the event detail, or null
     * @return why, for the operator
     */
    public static String reason(DomainEventType type, Object detail) {
        if (type == DomainEventType.STOPPED && detail instanceof StoppedDetail s) {
            return switch (s) {
                case SHUTDOWN -> "shut down by the guest";
                case DESTROYED -> "powered off outside Kumo (destroyed)";
                case CRASHED -> "crashed";
                case FAILED -> "the qemu process failed or was killed";
                case SAVED -> "saved to a file outside Kumo";
                case FROM_SNAPSHOT -> "reverted to a snapshot outside Kumo";
                default -> "stopped (" + s.name().toLowerCase(java.util.Locale.ROOT) + ")";
            };
        }
        String d = detail == null ? "" : " (" + detail.toString().toLowerCase(java.util.Locale.ROOT) + ")";
        return type.name().toLowerCase(java.util.Locale.ROOT) + d + " outside Kumo";
    }
}
