package io.kumo.core.identity.group;

import java.io.Serializable;
import java.sql.Timestamp;
import java.util.Objects;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

/** Membership of a user in a group. */
@Entity
@Table(name = "UserGroupUserRefVO")
@IdClass(UserGroupUserRefEntity.Key.class)
public class UserGroupUserRefEntity implements Serializable {
    @Id
    private String groupUuid;
    @Id
    private String userUuid;
    private Timestamp createDate;

    public String getGroupUuid() { return groupUuid; }
    public void setGroupUuid(String groupUuid) { this.groupUuid = groupUuid; }
    public String getUserUuid() { return userUuid; }
    public void setUserUuid(String userUuid) { this.userUuid = userUuid; }
    public Timestamp getCreateDate() { return createDate; }
    public void setCreateDate(Timestamp createDate) { this.createDate = createDate; }

    /** The composite primary key. */
    public static class Key implements Serializable {
        private String groupUuid;
        private String userUuid;

        public Key() { }

        public Key(String groupUuid, String userUuid) {
            this.groupUuid = groupUuid;
            this.userUuid = userUuid;
        }

        @Override public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(groupUuid, k.groupUuid) && Objects.equals(userUuid, k.userUuid);
        }

        @Override public int hashCode() { return Objects.hash(groupUuid, userUuid); }
    }
}
