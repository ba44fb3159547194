package io.kumo.core.identity.ldap;

import java.sql.Timestamp;

/**
 * An LDAP server as the API shows it (ZStack's LdapServerInventory); the bind password is never part of it.
 *
 * @param uuid             the server
 * @param name             its name
 * @param description      free text
 * @param url              {@code ldap://host:port} or {@code ldaps://host:port}
 * @param base             the base DN users are searched under
 * @param username         the DN Kumo binds as to search users
 * @param encryption       {@code None} or {@code TLS} (StartTLS on an {@code ldap://} URL)
 * @param scope            {@code account}: bindings map LDAP users to accounts
 * @param usernameProperty the attribute matched against the login name ({@code uid}; {@code sAMAccountName} on AD)
 * @param createDate       when it was added
 * @param lastOpDate       when it last changed
 */
public record LdapServerInventory(String uuid, String name, String description, String url, String base, String username,
                                  String encryption, String scope, String usernameProperty, Timestamp createDate,
                                  Timestamp lastOpDate) {
    /** The resource type of LDAP servers. */
    public static final String RESOURCE_TYPE = "ldapServer";
}
