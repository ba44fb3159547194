package io.kumo.compute.network;

import io.kumo.api.job.StepContext;
import io.kumo.api.tag.TagService;
import io.kumo.api.tag.TagType;

import java.util.List;
import java.util.Map;

/** Detaches a deleted resource's tags in a job step, keeping them in the job so that a rollback attaches them again. */
public final class TagSnapshots {
    private TagSnapshots() { }

    /** Step body: remembers and detaches the tags of a resource. */
    public static void detach(TagService tags, String uuid, StepContext ctx) {
        ctx.put("tags", tags.tagsOf(uuid).stream().map(t -> Map.of("tag", t.tag(), "type", t.type().name())).toList());
        tags.detachAll(uuid);
    }

    /** Rollback: attaches the remembered tags again. */
    public static void reattach(TagService tags, String voName, String uuid, StepContext ctx) {
        if (ctx.get("tags") instanceof List<?> saved && tags.tagsOf(uuid).isEmpty()) {
            for (TagType type : TagType.values()) {
                List<String> ofType = saved.stream().map(m -> (Map<?, ?>) m)
                        .filter(m -> type.name().equals(m.get("type"))).map(m -> String.valueOf(m.get("tag"))).toList();
                if (!ofType.isEmpty()) {
                    tags.attach(voName, uuid, ofType, type);
                }
            }
        }
    }

}
