package io.kumo.core.node;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConsistentHashRingTest {
    private static final int KEYS = 10_000;

    private static String uuid(String seed) {
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
    }

    private static final List<String> NODES = IntStream.range(0, 10).mapToObj(i -> uuid("node-" + i)).toList();
    private static final List<String> KEY_LIST = IntStream.range(0, KEYS).mapToObj(i -> uuid("key-" + i)).toList();

    private static Map<String, String> owners(ConsistentHashRing ring) {
        Map<String, String> owners = new HashMap<>();
        for (String key : KEY_LIST) {
            owners.put(key, ring.ownerOf(key));
        }
        return owners;
    }

    @Test
    void ownershipIsDeterministicAndIndependentOfNodeOrder() {
        List<String> shuffled = new ArrayList<>(NODES);
        Collections.reverse(shuffled);
        Map<String, String> a = owners(new ConsistentHashRing(NODES));
        assertEquals(a, owners(new ConsistentHashRing(NODES)), "same nodes, same owners");
        assertEquals(a, owners(new ConsistentHashRing(shuffled)), "every node computes the same ring");
        assertEquals(a, owners(new ConsistentHashRing(Collections.unmodifiableList(new ArrayList<>(NODES)))));
    }

    @Test
    void everyNodeGetsAFairShare() {
        Map<String, Integer> counts = new HashMap<>();
        owners(new ConsistentHashRing(NODES)).values().forEach(n -> counts.merge(n, 1, Integer::sum));
        assertEquals(NODES.size(), counts.size(), "every node owns keys");
        for (String node : NODES) {
            int n = counts.getOrDefault(node, 0);
            assertTrue(n >= KEYS * 5 / 100 && n <= KEYS * 15 / 100, "node " + node + " owns " + n + " of " + KEYS + " keys");
        }
    }

    @Test
    void removingANodeMovesOnlyItsKeys() {
        Map<String, String> before = owners(new ConsistentHashRing(NODES));
        String gone = NODES.get(3);
        List<String> rest = new ArrayList<>(NODES);
        rest.remove(gone);
        Map<String, String> after = owners(new ConsistentHashRing(rest));
        int moved = 0;
        for (String key : KEY_LIST) {
            if (before.get(key).equals(gone)) {
                assertNotEquals(gone, after.get(key));
                moved++;
            } else {
                assertEquals(before.get(key), after.get(key), "key " + key + " moved though its node stayed");
            }
        }
        assertTrue(moved > 0);
    }

    @Test
    void addingANodeMovesKeysOnlyToIt() {
        Map<String, String> before = owners(new ConsistentHashRing(NODES));
        String added = uuid("node-new");
        List<String> more = new ArrayList<>(NODES);
        more.add(added);
        Map<String, String> after = owners(new ConsistentHashRing(more));
        long gained = KEY_LIST.stream().filter(k -> after.get(k).equals(added)).count();
        for (String key : KEY_LIST) {
            if (!after.get(key).equals(added)) {
                assertEquals(before.get(key), after.get(key));
            }
        }
        assertTrue(gained > KEYS / 11 / 3 && gained < KEYS / 11 * 3, "the new node takes about 1/11 of the keys: " + gained);
    }

    @Test
    void aSingleNodeOwnsEverythingAndAnEmptyRingIsRefused() {
        ConsistentHashRing one = new ConsistentHashRing(List.of(NODES.get(0)));
        assertTrue(KEY_LIST.stream().allMatch(k -> one.ownerOf(k).equals(NODES.get(0))));
        assertThrows(IllegalArgumentException.class, () -> new ConsistentHashRing(List.of()));
    }
}
