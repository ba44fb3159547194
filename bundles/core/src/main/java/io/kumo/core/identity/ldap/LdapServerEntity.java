package io.kumo.core.identity.ldap;

import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import java.sql.Timestamp;

/** An LDAP or Active Directory server users log in against (ZStack's LdapServerVO). */
@Entity
@Table(name = "LdapServerVO")
public class LdapServerEntity {
    @Id
    private String uuid;
    private String name;
    private String description;
    private String url;
    private String base;
    private String username;
    /** The bind password of {@link #username}: never returned by the API nor logged. */
    private String password;
    private String encryption;
    private String scope;
    private String usernameProperty;
    private Timestamp createDate;
    private Timestamp lastOpDate;

    /** @return the API view, without the password */
    public LdapServerInventory toInventory() {
        return new LdapServerInventory(uuid, name, description, url, base, username, encryption, scope, usernameProperty,
                createDate, lastOpDate);
    }

    /** @return a detached copy, to try changes on */
    public LdapServerEntity copy() {
        LdapServerEntity c = new LdapServerEntity();
        c.uuid = uuid; c.name = name; c.description = description; c.url = url; c.base = base; c.username = username;
        c.password = password; c.encryption = encryption; c.scope = scope; c.usernameProperty = usernameProperty;
        c.createDate = createDate; c.lastOpDate = lastOpDate;
        return c;
    }

    /** @return a description for logs: never the password */
    @Override
    public String toString() { return "LdapServer[" + uuid + " " + name + " " + url + " base=" + base + " user=" + username + "]"; }

    public String getUuid() { return uuid; }
    public void setUuid(String uuid) { this.uuid = uuid; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getUrl() { return url; }
    public void setUrl(String url) { this.url = url; }
    public String getBase() { return base; }
    public void setBase(String base) { this.base = base; }
    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getEncryption() { return encryption; }
    public void setEncryption(String encryption) { this.encryption = encryption; }
    public String getScope() { return scope; }
    public void setScope(String scope) { this.scope = scope; }
    public String getUsernameProperty() { return usernameProperty; }
    public void setUsernameProperty(String usernameProperty) { this.usernameProperty = usernameProperty; }
    public Timestamp getCreateDate() { return createDate; }
    public void setCreateDate(Timestamp createDate) { this.createDate = createDate; }
    public Timestamp getLastOpDate() { return lastOpDate; }
    public void setLastOpDate(Timestamp lastOpDate) { this.lastOpDate = lastOpDate; }
}
