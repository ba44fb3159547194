package io.kumo.core.identity.account;

import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.inventory.Uuids;
import io.kumo.api.operation.Caller;
import io.kumo.core.identity.IdentityStore;
import io.kumo.core.identity.ownership.OwnershipStore;
import io.kumo.core.session.AccountEntity;
import io.kumo.core.session.PasswordHasher;
import io.kumo.core.session.SessionManager;

import java.sql.Timestamp;
import java.util.List;
import java.util.regex.Pattern;

/** Creates, changes and deletes accounts; resets the admin password. */
public class AccountManager {
    /** A password as clients send it: the SHA-512 hex digest of the clear text. */
    public static final Pattern SHA512_HEX = Pattern.compile("[0-9a-fA-F]{128}");
    /** Identity resource types an account's deletion takes along; any other owned resource blocks it. */
    private static final List<String> IDENTITY_TYPES = List.of("user", "userGroup", "policy");

    private final IdentityStore store;
    private final OwnershipStore ownership;
    private final SessionManager sessions;

    /** Wires the manager. */
    public AccountManager(IdentityStore store, OwnershipStore ownership, SessionManager sessions) {
        this.store = store;
        this.ownership = ownership;
        this.sessions = sessions;
    }

    /** Creates a normal account. @param password the SHA-512 hex of the password */
    public AccountInventory create(String name, String password, String description) {
        checkPassword(password);
        if (store.accountByName(name) != null) {
            throw new ApiException(ErrorCode.CONFLICT, "an account named " + name + " exists; choose another name");
        }
        Timestamp now = new Timestamp(System.currentTimeMillis());
        AccountEntity a = new AccountEntity();
        a.setUuid(Uuids.random());
        a.setName(name);
        a.setType("Normal");
        a.setPasswordHash(PasswordHasher.hash(password));
        a.setDescription(description);
        a.setCreateDate(now);
        a.setLastOpDate(now);
        store.persist(a);
        return a.toInventory();
    }

    /** Changes an account: the admin changes any, an account itself (not its users) only its own. */
    public AccountInventory update(Caller caller, String uuid, String name, String password, String description) {
        if (!caller.admin() && (!uuid.equals(caller.accountUuid()) || caller.userUuid() != null)) {
            throw new ApiException(ErrorCode.PERMISSION_DENIED, "an account changes only itself, and its users cannot change it;"
                    + " log in as the account or ask the admin");
        }
        if (password != null) {
            checkPassword(password);
        }
        if (name != null) {
            AccountEntity other = store.accountByName(name);
            if (other != null && !other.getUuid().equals(uuid)) {
                throw new ApiException(ErrorCode.CONFLICT, "an account named " + name + " exists; choose another name");
            }
        }
        AccountEntity a = store.update(AccountEntity.class, uuid, e -> {
            if (name != null) {
                e.setName(name);
            }
            if (password != null) {
                e.setPasswordHash(PasswordHasher.hash(password));
            }
            if (description != null) {
                e.setDescription(description);
            }
            e.setLastOpDate(new Timestamp(System.currentTimeMillis()));
        });
        if (a == null) {
            throw notFound(uuid);
        }
        return a.toInventory();
    }

    /** Deletes a normal account that owns no resources, with its users, groups, policies and sessions. */
    public void delete(String uuid) {
        AccountEntity a = store.find(AccountEntity.class, uuid);
        if (a == null) {
            throw notFound(uuid);
        }
        if ("SystemAdmin".equals(a.getType())) {
            throw ApiException.invalidArgument("the admin account cannot be deleted");
        }
        long owned = ownership.countOwnedExcept(uuid, IDENTITY_TYPES);
        if (owned > 0) {
            throw new ApiException(ErrorCode.INVALID_STATE, "account " + a.getName() + " still owns " + owned + " resources; delete them"
                    + " or give them to another account (ChangeResourceOwner) first: GET /zstack/v1/accounts/resources/refs?q=accountUuid="
                    + uuid + " lists them");
        }
        sessions.endSessions(store.sessionsOf("accountUuid", uuid));
        for (String t : IDENTITY_TYPES) {
            ownership.owned(uuid, t).forEach(ownership::forget);
        }
        store.deleteAccount(uuid);
    }

    /** Sets the admin password (P-15), from the shell of a management node; ends every admin session. */
    public void resetAdminPassword(String clearText) {
        if (clearText == null || clearText.length() < 6) {
            throw ApiException.invalidArgument("the new admin password needs at least 6 characters");
        }
        AccountEntity a = store.update(AccountEntity.class, Caller.ADMIN_ACCOUNT_UUID, e -> {
            e.setPasswordHash(PasswordHasher.hash(PasswordHasher.sha512Hex(clearText)));
            e.setLastOpDate(new Timestamp(System.currentTimeMillis()));
        });
        if (a == null) {
            throw notFound(Caller.ADMIN_ACCOUNT_UUID);
        }
        sessions.endSessions(store.sessionsOf("accountUuid", Caller.ADMIN_ACCOUNT_UUID));
    }

    /** @throws ApiException unless the value is a SHA-512 hex digest */
    public static void checkPassword(String password) {
        if (password == null || !SHA512_HEX.matcher(password).matches()) {
            throw ApiException.invalidArgument("password must be the SHA-512 hex digest (128 hex digits) of the password,"
                    + " as ZStack clients send it; the server never sees nor stores the clear text");
        }
    }

    private static ApiException notFound(String uuid) {
        return new ApiException(ErrorCode.RESOURCE_NOT_FOUND, "no account " + uuid + "; list accounts with GET /zstack/v1/accounts");
    }
}
