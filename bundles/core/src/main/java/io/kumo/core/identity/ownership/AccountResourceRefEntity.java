package io.kumo.core.identity.ownership;

import java.io.Serializable;
import java.sql.Timestamp;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** The account that owns a resource. */
@Entity
@Table(name = "AccountResourceRefVO")
public class AccountResourceRefEntity implements Serializable {
    @Id
    private String resourceUuid;
    private String resourceType;
    private String accountUuid;
    private Timestamp createDate;
    private Timestamp lastOpDate;

    public String getResourceUuid() { return resourceUuid; }
    public void setResourceUuid(String resourceUuid) { this.resourceUuid = resourceUuid; }
    public String getResourceType() { return resourceType; }
    public void setResourceType(String resourceType) { this.resourceType = resourceType; }
    public String getAccountUuid() { return accountUuid; }
    public void setAccountUuid(String accountUuid) { this.accountUuid = accountUuid; }
    public Timestamp getCreateDate() { return createDate; }
    public void setCreateDate(Timestamp createDate) { this.createDate = createDate; }
    public Timestamp getLastOpDate() { return lastOpDate; }
    public void setLastOpDate(Timestamp lastOpDate) { this.lastOpDate = lastOpDate; }

    /** @return the inventory */
    public AccountResourceRefInventory toInventory() {
        return new AccountResourceRefInventory(resourceUuid, resourceType, accountUuid, createDate, lastOpDate);
    }
}
