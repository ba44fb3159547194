package io.kumo.core.identity.ownership;

import java.io.Serializable;
import java.sql.Timestamp;
import java.util.Objects;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

/** A resource shared by its owner with another account, or with every account ({@code receiverAccountUuid} {@value OwnershipStore#PUBLIC}). */
@Entity
@Table(name = "SharedResourceVO")
@IdClass(SharedResourceEntity.Key.class)
public class SharedResourceEntity implements Serializable {
    @Id
    private String resourceUuid;
    @Id
    private String receiverAccountUuid;
    private String resourceType;
    private String ownerAccountUuid;
    private Timestamp createDate;

    public String getResourceUuid() { return resourceUuid; }
    public void setResourceUuid(String resourceUuid) { this.resourceUuid = resourceUuid; }
    public String getReceiverAccountUuid() { return receiverAccountUuid; }
    public void setReceiverAccountUuid(String receiverAccountUuid) { this.receiverAccountUuid = receiverAccountUuid; }
    public String getResourceType() { return resourceType; }
    public void setResourceType(String resourceType) { this.resourceType = resourceType; }
    public String getOwnerAccountUuid() { return ownerAccountUuid; }
    public void setOwnerAccountUuid(String ownerAccountUuid) { this.ownerAccountUuid = ownerAccountUuid; }
    public Timestamp getCreateDate() { return createDate; }
    public void setCreateDate(Timestamp createDate) { this.createDate = createDate; }

    /** The composite primary key. */
    public static class Key implements Serializable {
        private String resourceUuid;
        private String receiverAccountUuid;

        public Key() { }

        public Key(String resourceUuid, String receiverAccountUuid) {
            this.resourceUuid = resourceUuid;
            this.receiverAccountUuid = receiverAccountUuid;
        }

        @Override public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(resourceUuid, k.resourceUuid) && Objects.equals(receiverAccountUuid, k.receiverAccountUuid);
        }

        @Override public int hashCode() { return Objects.hash(resourceUuid, receiverAccountUuid); }
    }

    /** @return the inventory */
    public SharedResourceInventory toInventory() {
        boolean toPublic = OwnershipStore.PUBLIC.equals(receiverAccountUuid);
        return new SharedResourceInventory(resourceUuid, resourceType, ownerAccountUuid, toPublic ? null : receiverAccountUuid, toPublic, createDate);
    }
}
