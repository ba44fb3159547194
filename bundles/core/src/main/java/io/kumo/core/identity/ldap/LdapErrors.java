package io.kumo.core.identity.ldap;

import io.kumo.api.error.ErrorCode;

/** LDAP's error codes, in ZStack's {@code LDAP.NNNN} numbering where ZStack has one. */
public final class LdapErrors {
    /** The LDAP server cannot be reached, or answered with an error other than wrong credentials. */
    public static final ErrorCode UNREACHABLE = new ErrorCode("LDAP.1000", 503, "Cannot connect to the LDAP server");
    /** The LDAP user to bind is not in the directory. */
    public static final ErrorCode NO_SUCH_LDAP_USER = new ErrorCode("LDAP.1002", 400, "No such user in the LDAP directory");
    /** The LDAP user is already bound to an account. */
    public static final ErrorCode ALREADY_BOUND = new ErrorCode("LDAP.1003", 409, "The LDAP user is already bound to an account");
    /** The admin account cannot be bound: a directory compromise must not give the keys of the cloud. */
    public static final ErrorCode CANNOT_BIND_ADMIN = new ErrorCode("LDAP.1005", 400, "The admin account cannot be bound to an LDAP user");
    /** The server refused the bind DN and password Kumo searches with. */
    public static final ErrorCode SEARCH_CREDENTIALS_REFUSED = new ErrorCode("LDAP.1006", 400, "The LDAP server refused the bind DN or password");

    private LdapErrors() { }
}
