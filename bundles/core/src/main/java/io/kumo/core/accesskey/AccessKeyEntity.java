package io.kumo.core.accesskey;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import java.sql.Timestamp;

/** An access key of an account or user; the secret is stored encrypted ({@link SecretCipher}) and never returned. */
@Entity
@Table(name = "AccessKeyVO")
public class AccessKeyEntity {
    @Id
    private String uuid;
    private String accountUuid;
    private String userUuid;
    @Column(name = "AccessKeyID")
    private String AccessKeyID;
    private String encryptedSecret;
    private String state;
    private String type;
    private String description;
    private Timestamp createDate;
    private Timestamp lastOpDate;

    /** @return the API view, without the secret */
    public AccessKeyInventory toInventory() {
        return new AccessKeyInventory(uuid, description, accountUuid, userUuid, AccessKeyID, null, state, type, createDate, lastOpDate);
    }

    public String getUuid() { return uuid; }
    public void setUuid(String uuid) { this.uuid = uuid; }
    public String getAccountUuid() { return accountUuid; }
    public void setAccountUuid(String accountUuid) { this.accountUuid = accountUuid; }
    public String getUserUuid() { return userUuid; }
    public void setUserUuid(String userUuid) { this.userUuid = userUuid; }
    public String getAccessKeyID() { return AccessKeyID; }
    public void setAccessKeyID(String id) { this.AccessKeyID = id; }
    public String getEncryptedSecret() { return encryptedSecret; }
    public void setEncryptedSecret(String encryptedSecret) { this.encryptedSecret = encryptedSecret; }
    public String getState() { return state; }
    public void setState(String state) { this.state = state; }
    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public Timestamp getCreateDate() { return createDate; }
    public void setCreateDate(Timestamp createDate) { this.createDate = createDate; }
    public Timestamp getLastOpDate() { return lastOpDate; }
    public void setLastOpDate(Timestamp lastOpDate) { this.lastOpDate = lastOpDate; }
}
