package io.kumo.core.persistence;

import io.kumo.api.inventory.Uuids;
import io.kumo.api.query.QueryOperator;
import io.kumo.api.tag.TagType;
import io.kumo.core.tag.TagEntity;
import io.kumo.core.tag.TagStore;
import io.kumo.core.testing.Stores;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link TagStore} on a real schema. */
interface TagStoreContract extends DatabaseTest {
    String R1 = "00000000000000000000000000000001";
    String R2 = "00000000000000000000000000000002";
    String R3 = "00000000000000000000000000000003";
    String R4 = "00000000000000000000000000000004";

    private static TagEntity tag(TagStore store, String resource, TagType type, String text, long created) {
        TagEntity t = new TagEntity();
        t.setUuid(Uuids.random());
        t.setResourceUuid(resource);
        t.setResourceType("ZoneVO");
        t.setTag(text);
        t.setType(type);
        t.setCreateDate(new Timestamp(created));
        t.setLastOpDate(t.getCreateDate());
        store.create(t);
        return t;
    }

    private static TagStore withTags(DatabaseTest test) {
        TagStore store = Stores.tags(test.db(), null);
        long t = Timestamp.valueOf("2024-01-01 00:00:00").getTime();
        tag(store, R1, TagType.System, "hostname::web1", t);
        tag(store, R1, TagType.User, "team-a", t + 1000);
        tag(store, R2, TagType.System, "hostname::web2", t);
        tag(store, R3, TagType.User, "hostname::web1", t);
        tag(store, R4, TagType.System, "other", t);
        return store;
    }

    @Test
    default void tagResourcesWithTagByOperator() {
        TagStore store = withTags(this);
        assertEquals(Set.of(R1), store.resourcesWithTag(TagType.System, QueryOperator.EQ, "hostname::web1"));
        assertEquals(Set.of(R3), store.resourcesWithTag(TagType.User, QueryOperator.EQ, "hostname::web1"), "types are separate");
        assertEquals(Set.of(), store.resourcesWithTag(TagType.System, QueryOperator.EQ, "hostname::web"));
        assertEquals(Set.of(R1, R2), store.resourcesWithTag(TagType.System, QueryOperator.LIKE, "hostname::%"));
        assertEquals(Set.of(R2), store.resourcesWithTag(TagType.System, QueryOperator.LIKE, "%web2"));
        assertEquals(Set.of(R1, R4), store.resourcesWithTag(TagType.System, QueryOperator.IN, "hostname::web1,other"));
        assertEquals(Set.of(R1, R2, R4), store.resourcesWithTag(TagType.System, QueryOperator.NOT_NULL, null));
        assertEquals(Set.of(R1, R3), store.resourcesWithTag(TagType.User, QueryOperator.NOT_NULL, null));
        assertThrows(IllegalArgumentException.class, () -> store.resourcesWithTag(TagType.System, QueryOperator.GT, "a"));
    }

    @Test
    default void tagDeleteByResourceRemovesOnlyThatResourcesTags() {
        TagStore store = withTags(this);
        assertEquals(List.of("hostname::web1", "team-a"), store.byResource(R1).stream().map(TagEntity::getTag).toList(),
                "ordered by creation");
        assertEquals(2, store.deleteByResource(R1));
        assertEquals(List.of(), store.byResource(R1));
        assertEquals(0, store.deleteByResource(R1));
        assertEquals(1, store.byResource(R2).size());
        assertEquals(Set.of(R2, R4), store.resourcesWithTag(TagType.System, QueryOperator.NOT_NULL, null));
    }

    @Test
    default void tagUpdateTextAndDelete() {
        TagStore store = Stores.tags(db(), null);
        TagEntity t = tag(store, R1, TagType.System, "hostname::web1", System.currentTimeMillis());
        assertEquals("hostname::web9", store.updateText(t.getUuid(), "hostname::web9").getTag());
        TagEntity found = store.find(t.getUuid());
        assertEquals("hostname::web9", found.getTag());
        assertEquals(TagType.System, found.getType());
        assertFalse(found.isInherent());
        assertNull(store.updateText(Uuids.random(), "x"));
        assertTrue(store.delete(t.getUuid()));
        assertFalse(store.delete(t.getUuid()));
        assertNull(store.find(t.getUuid()));
    }

    @Test
    default void deletedTagsAreRestoredWithTheirUuidsAndDates() {
        TagStore store = withTags(this);
        java.util.List<java.util.Map<String, Object>> before = store.snapshotsOf(R1);
        assertEquals(2, before.size());
        java.util.List<?> saved = io.kumo.core.json.Json.MAPPER.convertValue(
                io.kumo.core.json.Json.readMap(io.kumo.core.json.Json.write(java.util.Map.of("t", before))).get("t"), java.util.List.class);
        assertEquals(2, store.deleteByResource(R1));

        store.restore(saved);
        store.restore(saved);  // idempotent

        assertEquals(before, store.snapshotsOf(R1), "same uuids, texts, types and dates");
    }
}
