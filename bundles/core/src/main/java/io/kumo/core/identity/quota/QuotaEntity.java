package io.kumo.core.identity.quota;

import java.io.Serializable;
import java.sql.Timestamp;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** An account's own limit for one quota; an account without a row for a quota has the default. */
@Entity
@Table(name = "QuotaVO")
public class QuotaEntity implements Serializable {
    @Id
    private String uuid;
    private String name;
    private String identityUuid;
    private String identityType;
    @Column(name = "quotaValue") // VALUE is a reserved word in SQL
    private long value;
    private Timestamp createDate;
    private Timestamp lastOpDate;

    public String getUuid() { return uuid; }
    public void setUuid(String uuid) { this.uuid = uuid; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getIdentityUuid() { return identityUuid; }
    public void setIdentityUuid(String identityUuid) { this.identityUuid = identityUuid; }
    public String getIdentityType() { return identityType; }
    public void setIdentityType(String identityType) { this.identityType = identityType; }
    public long getValue() { return value; }
    public void setValue(long value) { this.value = value; }
    public Timestamp getCreateDate() { return createDate; }
    public void setCreateDate(Timestamp createDate) { this.createDate = createDate; }
    public Timestamp getLastOpDate() { return lastOpDate; }
    public void setLastOpDate(Timestamp lastOpDate) { this.lastOpDate = lastOpDate; }

    /** @return the inventory */
    public QuotaInventory toInventory() {
        return new QuotaInventory(uuid, name, identityUuid, identityType, value, createDate, lastOpDate);
    }
}
