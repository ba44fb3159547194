package io.kumo.core.identity.ldap;

import java.sql.Timestamp;

/**
 * A binding of an LDAP user to an account (ZStack's LdapAccountRefInventory).
 *
 * @param uuid           the binding
 * @param ldapUid        the LDAP user's login name (the value of the server's {@code usernameProperty})
 * @param ldapServerUuid the server the user is in
 * @param accountUuid    the account the user logs in as
 * @param createDate     when it was created
 * @param lastOpDate     when it last changed
 */
public record LdapBindingInventory(String uuid, String ldapUid, String ldapServerUuid, String accountUuid,
                                   Timestamp createDate, Timestamp lastOpDate) {
    /** The resource type of LDAP bindings. */
    public static final String RESOURCE_TYPE = "ldapBinding";
}
