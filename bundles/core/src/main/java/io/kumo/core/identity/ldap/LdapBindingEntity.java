package io.kumo.core.identity.ldap;

import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import java.sql.Timestamp;

/** Binds an LDAP user of one server to an account (ZStack's LdapAccountRefVO). */
@Entity
@Table(name = "LdapAccountRefVO")
public class LdapBindingEntity {
    @Id
    private String uuid;
    private String ldapUid;
    private String ldapServerUuid;
    private String accountUuid;
    private Timestamp createDate;
    private Timestamp lastOpDate;

    /** @return the API view */
    public LdapBindingInventory toInventory() {
        return new LdapBindingInventory(uuid, ldapUid, ldapServerUuid, accountUuid, createDate, lastOpDate);
    }

    @Override
    public String toString() { return "LdapBinding[" + uuid + " " + ldapUid + "@" + ldapServerUuid + " -> " + accountUuid + "]"; }

    public String getUuid() { return uuid; }
    public void setUuid(String uuid) { this.uuid = uuid; }
    public String getLdapUid() { return ldapUid; }
    public void setLdapUid(String ldapUid) { this.ldapUid = ldapUid; }
    public String getLdapServerUuid() { return ldapServerUuid; }
    public void setLdapServerUuid(String ldapServerUuid) { this.ldapServerUuid = ldapServerUuid; }
    public String getAccountUuid() { return accountUuid; }
    public void setAccountUuid(String accountUuid) { this.accountUuid = accountUuid; }
    public Timestamp getCreateDate() { return createDate; }
    public void setCreateDate(Timestamp createDate) { this.createDate = createDate; }
    public Timestamp getLastOpDate() { return lastOpDate; }
    public void setLastOpDate(Timestamp lastOpDate) { this.lastOpDate = lastOpDate; }
}
