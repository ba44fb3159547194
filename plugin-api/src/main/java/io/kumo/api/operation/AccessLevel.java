package io.kumo.api.operation;

/**
 * Who may call an operation at all, before policies and ownership are looked at. Every operation has one:
 * {@link OperationDescriptor#access()}.
 */
public enum AccessLevel {
    /** Anyone, without credentials (logging in, fetching a captcha). */
    PUBLIC,
    /** Any authenticated caller, whatever its policies: logging out, changing one's own password, reading one's quota. */
    AUTHENTICATED,
    /**
     * Normal accounts and their users too, on resources they own or that are shared with them; queries return only
     * those resources. Users need a policy allowing the operation unless it only reads.
     */
    TENANT,
    /** Only the admin account and its users: infrastructure (zones, hosts, storage, networks, plugins, licences). */
    ADMIN
}
