package io.kumo.core.identity.policy;

import io.kumo.api.event.EventPublisher;
import io.kumo.api.event.EventType;
import io.kumo.api.event.ResourceEvent;
import io.kumo.api.event.ResourceEventListener;
import io.kumo.core.identity.IdentityStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The policy statements that apply to each user, its own and its groups', kept between calls so that authorizing a
 * user's call reads no policy from the database. Whatever changes them (attaching, detaching or deleting a policy,
 * adding a user to a group or removing it, deleting a group) calls {@link #changed} after its commit: the cache is
 * emptied on this node at once and on the others through a {@value #RESOURCE_TYPE} event. An entry also expires after
 * {@link #MAX_AGE_MILLIS}, so a node that missed an event is not wrong for long.
 */
public class UserPolicyCache implements ResourceEventListener {
    /** The resource type of the events that empty the caches of the other nodes. */
    public static final String RESOURCE_TYPE = "policyAttachment";
    /** How long an entry is trusted without an event. */
    static final long MAX_AGE_MILLIS = 60_000;
    private static final int MAX_USERS = 10_000;

    private record Entry(List<PolicyStatement> statements, long loadedAt) { }

    private final IdentityStore store;
    private final EventPublisher events;
    private final LongSupplier clock;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    /** Bumped by every change: a load that began before one is not kept. */
    private final AtomicLong generation = new AtomicLong();

    /** Wires the cache. */
    public UserPolicyCache(IdentityStore store, EventPublisher events) { this(store, events, System::currentTimeMillis); }

    UserPolicyCache(IdentityStore store, EventPublisher events, LongSupplier clock) {
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    /** @return the statements of the policies attached to the user and to its groups */
    public List<PolicyStatement> statementsOf(String userUuid) {
        long now = clock.getAsLong();
        Entry e = entries.get(userUuid);
        if (e != null && now - e.loadedAt() < MAX_AGE_MILLIS) {
            return e.statements();
        }
        long before = generation.get();
        List<String> principals = new ArrayList<>(store.groupsOf(userUuid));
        principals.add(userUuid);
        List<PolicyStatement> statements = PolicyEvaluator.statements(store.policiesOf(principals));
        if (entries.size() >= MAX_USERS) {
            entries.clear();
        }
        if (generation.get() == before) {
            entries.put(userUuid, new Entry(statements, now));
        }
        return statements;
    }

    /**
     * Empties the cache here and on every other node. Call it after the change is committed.
     *
     * @param resourceUuid the policy, group or user that changed
     */
    public void changed(String resourceUuid) {
        clear();
        if (events != null) {
            events.publish(new ResourceEvent(EventType.UPDATED, RESOURCE_TYPE, resourceUuid, null, null, null, null, null));
        }
    }

    @Override
    public void onEvent(ResourceEvent event) {
        if (RESOURCE_TYPE.equals(event.resourceType())) {
            clear();
        }
    }

    private void clear() {
        generation.incrementAndGet();
        entries.clear();
    }
}
