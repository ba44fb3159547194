package io.kumo.core.identity.policy;

import java.io.Serializable;
import java.sql.Timestamp;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Lob;
import javax.persistence.Table;

/** A policy: named allow/deny statements over operations, owned by an account. */
@Entity
@Table(name = "PolicyVO")
public class PolicyEntity implements Serializable {
    @Id
    private String uuid;
    private String accountUuid;
    private String name;
    private String description;
    @Lob
    private String data;
    private Timestamp createDate;
    private Timestamp lastOpDate;

    public String getUuid() { return uuid; }
    public void setUuid(String uuid) { this.uuid = uuid; }
    public String getAccountUuid() { return accountUuid; }
    public void setAccountUuid(String accountUuid) { this.accountUuid = accountUuid; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getData() { return data; }
    public void setData(String data) { this.data = data; }
    public Timestamp getCreateDate() { return createDate; }
    public void setCreateDate(Timestamp createDate) { this.createDate = createDate; }
    public Timestamp getLastOpDate() { return lastOpDate; }
    public void setLastOpDate(Timestamp lastOpDate) { this.lastOpDate = lastOpDate; }

    /** @return the inventory */
    public PolicyInventory toInventory() {
        return new PolicyInventory(uuid, accountUuid, name, description, PolicyCodec.decode(data), createDate, lastOpDate);
    }
}
