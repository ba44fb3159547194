package io.kumo.core.identity.user;

import java.io.Serializable;
import java.sql.Timestamp;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A user inside an account: logs in with its own password and acts as the account within its policies. */
@Entity
@Table(name = "UserVO")
public class UserEntity implements Serializable {
    @Id
    private String uuid;
    private String accountUuid;
    private String name;
    private String passwordHash;
    private String description;
    private Timestamp createDate;
    private Timestamp lastOpDate;

    public String getUuid() { return uuid; }
    public void setUuid(String uuid) { this.uuid = uuid; }
    public String getAccountUuid() { return accountUuid; }
    public void setAccountUuid(String accountUuid) { this.accountUuid = accountUuid; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getPasswordHash() { return passwordHash; }
    public void setPasswordHash(String passwordHash) { this.passwordHash = passwordHash; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public Timestamp getCreateDate() { return createDate; }
    public void setCreateDate(Timestamp createDate) { this.createDate = createDate; }
    public Timestamp getLastOpDate() { return lastOpDate; }
    public void setLastOpDate(Timestamp lastOpDate) { this.lastOpDate = lastOpDate; }

    /** @return the inventory; the password hash is never part of it */
    public UserInventory toInventory() { return new UserInventory(uuid, accountUuid, name, description, createDate, lastOpDate); }
}
