package io.kumo.core.session;

import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import java.sql.Timestamp;

/** An account: the built-in admin ({@code SystemAdmin}) or a tenant ({@code Normal}). */
@Entity
@Table(name = "AccountVO")
public class AccountEntity {
    @Id
    private String uuid;
    private String name;
    private String type;
    private String passwordHash;
    private String description;
    private Timestamp createDate;
    private Timestamp lastOpDate;

    public String getUuid() { return uuid; }
    public void setUuid(String uuid) { this.uuid = uuid; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public String getPasswordHash() { return passwordHash; }
    public void setPasswordHash(String passwordHash) { this.passwordHash = passwordHash; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public Timestamp getCreateDate() { return createDate; }
    public void setCreateDate(Timestamp createDate) { this.createDate = createDate; }
    public Timestamp getLastOpDate() { return lastOpDate; }
    public void setLastOpDate(Timestamp lastOpDate) { this.lastOpDate = lastOpDate; }

    /** @return the inventory; the password hash is never part of it */
    public io.kumo.core.identity.account.AccountInventory toInventory() {
        return new io.kumo.core.identity.account.AccountInventory(uuid, name, type, description, createDate, lastOpDate);
    }
}
