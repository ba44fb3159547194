package io.kumo.core.identity.policy;

import java.io.Serializable;
import java.sql.Timestamp;
import java.util.Objects;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

/** A policy attached to a user or to a user group. */
@Entity
@Table(name = "PolicyAttachmentVO")
@IdClass(PolicyAttachmentEntity.Key.class)
public class PolicyAttachmentEntity implements Serializable {
    @Id
    private String policyUuid;
    @Id
    private String principalUuid;
    private String principalType;
    private Timestamp createDate;

    public String getPolicyUuid() { return policyUuid; }
    public void setPolicyUuid(String policyUuid) { this.policyUuid = policyUuid; }
    public String getPrincipalUuid() { return principalUuid; }
    public void setPrincipalUuid(String principalUuid) { this.principalUuid = principalUuid; }
    public String getPrincipalType() { return principalType; }
    public void setPrincipalType(String principalType) { this.principalType = principalType; }
    public Timestamp getCreateDate() { return createDate; }
    public void setCreateDate(Timestamp createDate) { this.createDate = createDate; }

    /** The composite primary key. */
    public static class Key implements Serializable {
        private String policyUuid;
        private String principalUuid;

        public Key() { }

        public Key(String policyUuid, String principalUuid) {
            this.policyUuid = policyUuid;
            this.principalUuid = principalUuid;
        }

        @Override public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(policyUuid, k.policyUuid) && Objects.equals(principalUuid, k.principalUuid);
        }

        @Override public int hashCode() { return Objects.hash(policyUuid, principalUuid); }
    }
}
