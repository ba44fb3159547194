package io.kumo.core.tag;

import io.kumo.api.error.ApiException;
import io.kumo.api.inventory.ResourceTypeProvider;
import io.kumo.api.inventory.Uuids;
import io.kumo.api.query.QueryOperator;
import io.kumo.api.tag.TagInventory;
import io.kumo.api.tag.TagService;
import io.kumo.api.tag.TagType;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/** Tags on any resource whose type is registered by a {@link ResourceTypeProvider}. */
public class TagManager implements TagService {
    private final TagStore store;
    private final Map<String, ResourceTypeProvider> types = new ConcurrentHashMap<>();

    /** @param store persistence */
    public TagManager(TagStore store) { this.store = store; }

    /** Blueprint bind. */
    public void bind(ResourceTypeProvider provider) {
        if (provider != null) {
            types.put(provider.voName(), provider);
        }
    }

    /** Blueprint unbind. */
    public void unbind(ResourceTypeProvider provider) {
        if (provider != null) {
            types.remove(provider.voName(), provider);
        }
    }

    /** Adds a provider owned by the kernel itself. */
    public void addInternal(ResourceTypeProvider provider) { bind(provider); }

    /**
     * @param voName       a resource type as named in tags, e.g. {@code ZoneVO}
     * @param resourceUuid a resource
     * @throws ApiException 400 if the type is unknown, 404 if the resource does not exist
     */
    public void requireResource(String voName, String resourceUuid) {
        ResourceTypeProvider p = types.get(voName);
        if (p == null) {
            throw ApiException.invalidArgument("unknown resourceType '" + voName + "'; known types: " + new TreeSet<>(types.keySet()));
        }
        if (!p.exists(resourceUuid)) {
            throw ApiException.notFound(p.resourceType(), resourceUuid);
        }
    }

    @Override
    public List<TagInventory> attach(String resourceType, String resourceUuid, List<String> tags, TagType type) {
        List<TagInventory> created = new ArrayList<>();
        Timestamp now = new Timestamp(System.currentTimeMillis());
        for (String text : tags) {
            TagEntity t = new TagEntity();
            t.setUuid(Uuids.random());
            t.setResourceUuid(resourceUuid);
            t.setResourceType(resourceType);
            t.setTag(text);
            t.setType(type);
            t.setCreateDate(now);
            t.setLastOpDate(now);
            store.create(t);
            created.add(t.toInventory());
        }
        return created;
    }

    @Override
    public List<TagInventory> tagsOf(String resourceUuid) {
        return store.byResource(resourceUuid).stream().map(TagEntity::toInventory).toList();
    }

    @Override
    public void detachAll(String resourceUuid) { store.deleteByResource(resourceUuid); }

    @Override
    public Set<String> resourcesWithTag(TagType type, QueryOperator operator, String value) {
        return store.resourcesWithTag(type, operator, value);
    }
}
