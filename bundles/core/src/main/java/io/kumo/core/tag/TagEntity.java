package io.kumo.core.tag;

import io.kumo.api.tag.TagInventory;
import io.kumo.api.tag.TagType;

import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Table;
import java.sql.Timestamp;

/** A user or system tag on a resource. */
@Entity
@Table(name = "TagVO")
public class TagEntity {
    @Id
    private String uuid;
    private String resourceUuid;
    private String resourceType;
    private String tag;
    @Enumerated(EnumType.STRING)
    private TagType type;
    private boolean inherent;
    private Timestamp createDate;
    private Timestamp lastOpDate;

    /** @return every column, dates as epoch millis: what a job keeps to restore the row exactly */
    public java.util.Map<String, Object> snapshot() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("uuid", uuid);
        m.put("resourceUuid", resourceUuid);
        m.put("resourceType", resourceType);
        m.put("tag", tag);
        m.put("type", type.name());
        m.put("inherent", inherent);
        m.put("createDate", createDate.getTime());
        m.put("lastOpDate", lastOpDate.getTime());
        return m;
    }

    /** @param m a {@link #snapshot()} (possibly read back from JSON) @return the row it describes */
    public static TagEntity fromSnapshot(java.util.Map<?, ?> m) {
        TagEntity t = new TagEntity();
        t.setUuid((String) m.get("uuid"));
        t.setResourceUuid((String) m.get("resourceUuid"));
        t.setResourceType((String) m.get("resourceType"));
        t.setTag((String) m.get("tag"));
        t.setType(TagType.valueOf((String) m.get("type")));
        t.setInherent(Boolean.TRUE.equals(m.get("inherent")));
        t.setCreateDate(new Timestamp(((Number) m.get("createDate")).longValue()));
        t.setLastOpDate(new Timestamp(((Number) m.get("lastOpDate")).longValue()));
        return t;
    }

    /** @return the API view */
    public TagInventory toInventory() {
        return new TagInventory(uuid, resourceUuid, resourceType, tag, type, inherent, createDate, lastOpDate);
    }

    public String getUuid() { return uuid; }
    public void setUuid(String uuid) { this.uuid = uuid; }
    public String getResourceUuid() { return resourceUuid; }
    public void setResourceUuid(String resourceUuid) { this.resourceUuid = resourceUuid; }
    public String getResourceType() { return resourceType; }
    public void setResourceType(String resourceType) { this.resourceType = resourceType; }
    public String getTag() { return tag; }
    public void setTag(String tag) { this.tag = tag; }
    public TagType getType() { return type; }
    public void setType(TagType type) { this.type = type; }
    public boolean isInherent() { return inherent; }
    public void setInherent(boolean inherent) { this.inherent = inherent; }
    public Timestamp getCreateDate() { return createDate; }
    public void setCreateDate(Timestamp createDate) { this.createDate = createDate; }
    public Timestamp getLastOpDate() { return lastOpDate; }
    public void setLastOpDate(Timestamp lastOpDate) { this.lastOpDate = lastOpDate; }
}
