package io.kumo.kvm.event;

import io.kumo.api.hypervisor.HypervisorEventSink;
import io.kumo.api.hypervisor.VmPowerState;
import org.junit.jupiter.api.Test;
import org.libvirt.event.DomainEventType;
import org.libvirt.event.ResumedDetail;
import org.libvirt.event.StartedDetail;
import org.libvirt.event.StoppedDetail;
import org.libvirt.event.SuspendedDetail;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** libvirt lifecycle events as Kumo power states, and sinks that fail or are absent. */
class DomainEventsTest {
    @Test
    void states() {
        assertEquals(VmPowerState.Running, DomainEvents.state(DomainEventType.STARTED, StartedDetail.BOOTED));
        assertEquals(VmPowerState.Running, DomainEvents.state(DomainEventType.RESUMED, ResumedDetail.UNPAUSED));
        assertEquals(VmPowerState.Paused, DomainEvents.state(DomainEventType.SUSPENDED, SuspendedDetail.IOERROR));
        assertEquals(VmPowerState.Stopped, DomainEvents.state(DomainEventType.STOPPED, StoppedDetail.CRASHED));
        assertEquals(VmPowerState.Stopped, DomainEvents.state(DomainEventType.STOPPED, StoppedDetail.FAILED));
        assertEquals(VmPowerState.Absent, DomainEvents.state(DomainEventType.UNDEFINED, null));
        assertNull(DomainEvents.state(DomainEventType.STOPPED, StoppedDetail.MIGRATED), "the source of a migration");
        assertNull(DomainEvents.state(DomainEventType.STARTED, StartedDetail.MIGRATED), "the target of a migration");
        assertNull(DomainEvents.state(DomainEventType.DEFINED, null));
        assertNull(DomainEvents.state(DomainEventType.SHUTDOWN, null), "the guest asked; STOPPED follows");
    }

    @Test
    void reasons() {
        assertEquals("shut down by the guest", DomainEvents.reason(DomainEventType.STOPPED, StoppedDetail.SHUTDOWN));
        assertEquals("crashed", DomainEvents.reason(DomainEventType.STOPPED, StoppedDetail.CRASHED));
        assertEquals("the qemu process failed or was killed", DomainEvents.reason(DomainEventType.STOPPED, StoppedDetail.FAILED));
        assertEquals("suspended (ioerror) outside Kumo", DomainEvents.reason(DomainEventType.SUSPENDED, SuspendedDetail.IOERROR));
    }

    @Test
    void sinksMayBeAbsentOrFail() {
        new EventSinks((List<HypervisorEventSink>) null).hostDisconnected("h", "gone");
        EventSinks.none().vmStateChanged("h", "v", VmPowerState.Stopped, "x");
        List<String> seen = new ArrayList<>();
        HypervisorEventSink failing = new HypervisorEventSink() {
            @Override public void vmStateChanged(String h, String v, VmPowerState s, String r) { throw new IllegalStateException("boom"); }
            @Override public void hostDisconnected(String h, String r) { throw new IllegalStateException("boom"); }
        };
        HypervisorEventSink recording = new HypervisorEventSink() {
            @Override public void vmStateChanged(String h, String v, VmPowerState s, String r) { seen.add(v + ":" + s); }
            @Override public void hostDisconnected(String h, String r) { seen.add(h + ":" + r); }
        };
        EventSinks sinks = new EventSinks(List.of(failing, recording));
        sinks.vmStateChanged("h", "v", VmPowerState.Stopped, "crashed");
        sinks.hostDisconnected("h", "gone");
        assertEquals(List.of("v:Stopped", "h:gone"), seen);
    }
}
