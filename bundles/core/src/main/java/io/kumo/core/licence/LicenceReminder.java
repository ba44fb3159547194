package io.kumo.core.licence;

import io.kumo.api.event.EventPublisher;
import io.kumo.api.event.EventType;
import io.kumo.api.event.ResourceEvent;
import io.kumo.api.licence.LicenceInventory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;

/**
 * Announces that a licence is about to expire, 30, 7 and 1 days before, and when it has: a {@code STATE_CHANGED}
 * event on the licence (new state {@code ExpiresIn30Days}, {@code ExpiresIn7Days}, {@code ExpiresIn1Day},
 * {@code Expired}) and a warning in the log. Each reminder is announced once per licence in the whole installation:
 * the node that records it in the licence's row ({@link LicenceStore#markReminded}) publishes it. Run by the
 * housekeeper.
 */
public class LicenceReminder {
    private static final Logger LOG = LoggerFactory.getLogger(LicenceReminder.class);
    /** Days before expiry at which a reminder is due, last one first checked. */
    private static final int[] DAYS = {0, 1, 7, 30};

    private final LicenceManager licences;
    private final LicenceStore store;
    private final EventPublisher events;

    /** Wires the reminder. */
    public LicenceReminder(LicenceManager licences, LicenceStore store, EventPublisher events) {
        this.licences = licences;
        this.store = store;
        this.events = events;
    }

    /** @return how many reminders this call announced */
    public int run() {
        Instant now = licences.now();
        int announced = 0;
        for (LicenceInventory licence : licences.all()) {
            Integer due = due(licence.expiredDate().toInstant(), now);
            if (due == null) {
                continue;
            }
            LicenceEntity row = store.find(licence.uuid());
            Integer before = row == null ? null : row.getReminderDays();
            if (before != null && before <= due) {
                continue;  // announced already
            }
            if (store.markReminded(licence.uuid(), due)) {
                LOG.warn("Licence {} ({}) {}; get a renewed licence from your Kumo supplier", licence.uuid(), licence.name(),
                        due == 0 ? "has expired: new operations it allows are refused" : "expires on " + licence.expiredDate().toInstant());
                events.publish(new ResourceEvent(EventType.STATE_CHANGED, LicenceInventory.RESOURCE_TYPE, licence.uuid(),
                        licence, state(before), state(due), now, null));
                announced++;
            }
        }
        return announced;
    }

    /** @return the reminder due for a licence expiring at {@code expiry} (0 once expired), or null if none yet */
    static Integer due(Instant expiry, Instant now) {
        Duration left = Duration.between(now, expiry);
        for (int days : DAYS) {
            if (left.compareTo(Duration.ofDays(days)) <= 0) {
                return days;
            }
        }
        return null;
    }

    /** @param days a reminder, or null for none @return the licence state it announces */
    static String state(Integer days) {
        if (days == null) {
            return "Valid";
        }
        return switch (days) {
            case 0 -> "Expired";
            case 1 -> "ExpiresIn1Day";
            default -> "ExpiresIn" + days + "Days";
        };
    }
}
