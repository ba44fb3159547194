package io.kumo.core.identity.policy;

import io.kumo.api.event.EventType;
import io.kumo.api.event.ResourceEvent;
import io.kumo.core.identity.IdentityStore;
import io.kumo.core.testing.Database;
import io.kumo.core.testing.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UserPolicyCacheTest {
    private static final String ACCOUNT = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private static final String USER = "cccccccccccccccccccccccccccccccc";
    private static final String GROUP = "dddddddddddddddddddddddddddddddd";

    private Database db;
    private IdentityStore store;
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final List<ResourceEvent> published = new ArrayList<>();
    private UserPolicyCache cache;

    @BeforeEach
    void open() {
        db = Database.h2();
        store = Stores.identities(db, null);
        cache = new UserPolicyCache(store, published::add, now::get);
    }

    @AfterEach
    void close() { db.close(); }

    private String policy(String seed, String action) {
        PolicyEntity p = new PolicyEntity();
        p.setUuid((seed + "00000000000000000000000000000000").substring(0, 32));
        p.setAccountUuid(ACCOUNT);
        p.setName(seed);
        p.setData(PolicyCodec.encode(PolicyCodec.parse(List.of(Map.of("effect", "Allow", "actions", List.of(action))))));
        p.setCreateDate(new Timestamp(0));
        p.setLastOpDate(new Timestamp(0));
        store.persist(p);
        return p.getUuid();
    }

    private List<String> actions() {
        return cache.statementsOf(USER).stream().flatMap(s -> s.actions().stream()).sorted().toList();
    }

    @Test
    void aUsersOwnAndItsGroupsPoliciesAreReadOnceAndAgainAfterAChange() {
        store.attach(policy("1", "vmInstance:*"), USER, IdentityStore.USER);
        store.addToGroup(GROUP, USER);
        store.attach(policy("2", "volume:*"), GROUP, IdentityStore.GROUP);
        assertEquals(List.of("vmInstance:*", "volume:*"), actions());

        String third = policy("3", "image:*");
        store.attach(third, USER, IdentityStore.USER);
        assertEquals(List.of("vmInstance:*", "volume:*"), actions(), "cached: the change has not been announced");

        cache.changed(third);
        assertEquals(List.of("image:*", "vmInstance:*", "volume:*"), actions());
        assertEquals(1, published.size());
        assertEquals(UserPolicyCache.RESOURCE_TYPE, published.get(0).resourceType());
        assertEquals(third, published.get(0).resourceUuid());
    }

    @Test
    void anotherNodesChangeEmptiesTheCacheAndEntriesExpire() {
        assertEquals(List.of(), actions());
        String p = policy("1", "vmInstance:*");
        store.attach(p, USER, IdentityStore.USER);
        assertEquals(List.of(), actions());

        cache.onEvent(new ResourceEvent(EventType.UPDATED, "vmInstance", p, null, null, null, null, null));
        assertEquals(List.of(), actions(), "other resource types leave the cache alone");
        cache.onEvent(new ResourceEvent(EventType.UPDATED, UserPolicyCache.RESOURCE_TYPE, p, null, null, null, null, "other-node"));
        assertEquals(List.of("vmInstance:*"), actions());

        store.detach(p, USER);
        now.addAndGet(UserPolicyCache.MAX_AGE_MILLIS - 1);
        assertEquals(List.of("vmInstance:*"), actions());
        now.addAndGet(1);
        assertEquals(List.of(), actions(), "a missed event is not trusted past the maximum age");
    }
}
