package io.kumo.compute.placement;

import io.kumo.api.query.QueryOperator;
import io.kumo.api.tag.TagInventory;
import io.kumo.api.tag.TagService;
import io.kumo.api.tag.TagType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Tags in memory (EQ lookups only). */
public class FakeTagService implements TagService {
    private final Map<String, List<TagInventory>> byResource = new ConcurrentHashMap<>();

    @Override
    public List<TagInventory> attach(String resourceType, String resourceUuid, List<String> tags, TagType type) {
        List<TagInventory> made = new ArrayList<>();
        for (String t : tags) {
            made.add(new TagInventory(io.kumo.api.inventory.Uuids.random(), resourceUuid, resourceType, t, type, false, null, null));
        }
        byResource.computeIfAbsent(resourceUuid, k -> new ArrayList<>()).addAll(made);
        return made;
    }

    @Override public List<TagInventory> tagsOf(String resourceUuid) { return byResource.getOrDefault(resourceUuid, List.of()); }
    @Override public void detachAll(String resourceUuid) { byResource.remove(resourceUuid); }

    @Override
    public Set<String> resourcesWithTag(TagType type, QueryOperator operator, String value) {
        Set<String> out = new HashSet<>();
        byResource.forEach((r, tags) -> tags.stream().filter(t -> t.type() == type && t.tag().equals(value))
                .findAny().ifPresent(t -> out.add(r)));
        return out;
    }
}
