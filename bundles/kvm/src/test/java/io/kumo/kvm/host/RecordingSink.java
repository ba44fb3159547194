package io.kumo.kvm.host;

import io.kumo.api.hypervisor.HypervisorEventSink;
import io.kumo.api.hypervisor.VmPowerState;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** Records the events a backend reports, for tests. */
public class RecordingSink implements HypervisorEventSink {
    /** One event. */
    public record Event(String kind, String hostUuid, String vmUuid, VmPowerState state, String reason) { }

    private final List<Event> events = new CopyOnWriteArrayList<>();

    @Override
    public void vmStateChanged(String hostUuid, String vmUuid, VmPowerState state, String reason) {
        events.add(new Event("vm", hostUuid, vmUuid, state, reason));
    }

    @Override
    public void hostDisconnected(String hostUuid, String reason) {
        events.add(new Event("host", hostUuid, null, null, reason));
    }

    /** @return the events so far */
    public List<Event> events() {
        return List.copyOf(events);
    }

    /**
     * @param match what to wait for
     * @param millis how long at most
     * @return the first matching event, or null after the wait
     */
    public Event await(Predicate<Event> match, long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        do {
            for (Event e : events) {
                if (match.test(e)) {
                    return e;
                }
            }
            Thread.sleep(50);
        } while (System.currentTimeMillis() < end);
        return null;
    }
}
