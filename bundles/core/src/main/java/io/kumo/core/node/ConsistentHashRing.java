package io.kumo.core.node;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * An immutable consistent-hash ring of management nodes with virtual nodes, so that a node joining or leaving moves
 * only about 1/N of the keys.
 */
public final class ConsistentHashRing {
    private static final int VIRTUAL_NODES = 128;
    private final NavigableMap<Long, String> ring = new TreeMap<>();

    /** @param nodes the node uuids; must not be empty */
    public ConsistentHashRing(Collection<String> nodes) {
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("a ring needs at least one node");
        }
        for (String node : nodes) {
            for (int i = 0; i < VIRTUAL_NODES; i++) {
                ring.put(hash(node + "#" + i), node);
            }
        }
    }

    /** @param key a key @return the node owning it */
    public String ownerOf(String key) {
        Map.Entry<Long, String> e = ring.ceilingEntry(hash(key));
        return (e != null ? e : ring.firstEntry()).getValue();
    }

    static long hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8));
            long h = 0;
            for (int i = 0; i < 8; i++) {
                h = (h << 8) | (d[i] & 0xff);
            }
            return h;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
