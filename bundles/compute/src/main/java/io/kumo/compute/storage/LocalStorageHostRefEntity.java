package io.kumo.compute.storage;

import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;
import java.io.Serializable;
import java.sql.Timestamp;
import java.util.Objects;

/** The capacity one host sees of a primary storage local to each host (ZStack's LocalStorageHostRefVO, in bytes). */
@Entity
@Table(name = "LocalStorageHostRefVO")
@IdClass(LocalStorageHostRefEntity.Key.class)
public class LocalStorageHostRefEntity {
    @Id
    private String primaryStorageUuid;
    @Id
    private String hostUuid;
    private long totalCapacity;
    private long availableCapacity;
    private Timestamp createDate;
    private Timestamp lastOpDate;

    public String getPrimaryStorageUuid() { return primaryStorageUuid; }
    public void setPrimaryStorageUuid(String v) { this.primaryStorageUuid = v; }
    public String getHostUuid() { return hostUuid; }
    public void setHostUuid(String hostUuid) { this.hostUuid = hostUuid; }
    public long getTotalCapacity() { return totalCapacity; }
    public void setTotalCapacity(long totalCapacity) { this.totalCapacity = totalCapacity; }
    public long getAvailableCapacity() { return availableCapacity; }
    public void setAvailableCapacity(long availableCapacity) { this.availableCapacity = availableCapacity; }
    public Timestamp getCreateDate() { return createDate; }
    public void setCreateDate(Timestamp createDate) { this.createDate = createDate; }
    public Timestamp getLastOpDate() { return lastOpDate; }
    public void setLastOpDate(Timestamp lastOpDate) { this.lastOpDate = lastOpDate; }

    /** The primary key: storage and host. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String primaryStorageUuid;
        private String hostUuid;

        /** For JPA. */
        public Key() { }

        /** @param primaryStorageUuid the storage @param hostUuid the host */
        public Key(String primaryStorageUuid, String hostUuid) {
            this.primaryStorageUuid = primaryStorageUuid;
            this.hostUuid = hostUuid;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(k.primaryStorageUuid, primaryStorageUuid) && Objects.equals(k.hostUuid, hostUuid);
        }

        @Override public int hashCode() { return Objects.hash(primaryStorageUuid, hostUuid); }
    }
}
