package io.kumo.api.operation;

/**
 * Who invokes an operation and from where.
 *
 * @param accountUuid the account the caller acts as
 * @param accountName its name
 * @param userUuid    the user inside the account, or null for the account itself
 * @param sessionUuid the session used, or null (shell, internal)
 * @param admin       whether the caller has the admin role
 * @param channel     {@code rest}, {@code shell}, {@code bus} or {@code internal}
 * @param clientIp    the client address, or null
 */
public record Caller(String accountUuid, String accountName, String userUuid, String sessionUuid,
                     boolean admin, String channel, String clientIp) {

    /** The uuid of the built-in admin account (ZStack's well-known value). */
    public static final String ADMIN_ACCOUNT_UUID = "36c27e8ff05c4780bf6d2fa65700f22e";

    /**
     * @param channel where the call comes from
     * @return the built-in admin acting from that channel without a session
     */
    public static Caller system(String channel) {
        return new Caller(ADMIN_ACCOUNT_UUID, "admin", null, null, true, channel, null);
    }

    /**
     * @param channel  where the call comes from
     * @param clientIp the client address, or null
     * @return a caller without credentials: only {@link OperationDescriptor#PUBLIC} operations accept it
     */
    public static Caller anonymous(String channel, String clientIp) {
        return new Caller(null, null, null, null, false, channel, clientIp);
    }

    /** @return true if the caller presented no credentials */
    public boolean isAnonymous() { return accountUuid == null; }
}
