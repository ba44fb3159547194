package io.kumo.core.identity.user;

import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.inventory.Uuids;
import io.kumo.api.operation.Caller;
import io.kumo.core.identity.IdentityStore;
import io.kumo.core.identity.account.AccountManager;
import io.kumo.core.session.AccountEntity;
import io.kumo.core.session.PasswordHasher;
import io.kumo.core.session.SessionInventory;
import io.kumo.core.session.SessionManager;

import java.sql.Timestamp;

/** Users inside accounts: creation, changes, deletion and login. */
public class UserManager {
    private final IdentityStore store;
    private final SessionManager sessions;

    /** Wires the manager. */
    public UserManager(IdentityStore store, SessionManager sessions) {
        this.store = store;
        this.sessions = sessions;
    }

    /** Creates a user in an account. @param password the SHA-512 hex of the password */
    public UserInventory create(String accountUuid, String name, String password, String description) {
        AccountManager.checkPassword(password);
        if (store.userByName(accountUuid, name) != null) {
            throw new ApiException(ErrorCode.CONFLICT, "the account has a user named " + name + "; choose another name");
        }
        Timestamp now = new Timestamp(System.currentTimeMillis());
        UserEntity u = new UserEntity();
        u.setUuid(Uuids.random());
        u.setAccountUuid(accountUuid);
        u.setName(name);
        u.setPasswordHash(PasswordHasher.hash(password));
        u.setDescription(description);
        u.setCreateDate(now);
        u.setLastOpDate(now);
        store.persist(u);
        return u.toInventory();
    }

    /** Changes a user: its account (or the admin) changes any of its users; a user changes only itself. */
    public UserInventory update(Caller caller, String uuid, String name, String password, String description) {
        UserEntity u = require(caller, uuid);
        if (caller.userUuid() != null && !caller.userUuid().equals(uuid) && !caller.admin()) {
            throw new ApiException(ErrorCode.PERMISSION_DENIED, "a user changes only itself; ask the account owner");
        }
        if (password != null) {
            AccountManager.checkPassword(password);
        }
        if (name != null) {
            UserEntity other = store.userByName(u.getAccountUuid(), name);
            if (other != null && !other.getUuid().equals(uuid)) {
                throw new ApiException(ErrorCode.CONFLICT, "the account has a user named " + name + "; choose another name");
            }
        }
        return store.update(UserEntity.class, uuid, e -> {
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
        }).toInventory();
    }

    /** Deletes a user and ends its sessions. */
    public void delete(Caller caller, String uuid) {
        require(caller, uuid);
        sessions.endSessions(store.sessionsOf("userUuid", uuid));
        store.deleteUser(uuid);
    }

    /**
     * Logs a user in.
     *
     * @param accountName the account's name, or null if {@code accountUuid} is given
     * @param accountUuid the account's uuid, or null
     * @param userName    the user's name
     * @param password    the SHA-512 hex of its password
     * @return the session
     */
    public SessionInventory logIn(String accountName, String accountUuid, String userName, String password) {
        UserEntity user = checkPassword(accountName, accountUuid, userName, password);
        return sessions.openSession(user.getAccountUuid(), user.getUuid());
    }

    /**
     * @return the user if the credentials are right (the session is opened by the caller, e.g. after login protection)
     * @throws ApiException 401 on wrong credentials
     */
    public UserEntity checkPassword(String accountName, String accountUuid, String userName, String password) {
        if (accountName == null && accountUuid == null) {
            throw ApiException.invalidArgument("give accountName or accountUuid: user names are unique only inside an account");
        }
        AccountEntity account = accountUuid != null ? store.find(AccountEntity.class, accountUuid) : store.accountByName(accountName);
        UserEntity user = account == null ? null : store.userByName(account.getUuid(), userName);
        if (user == null || !PasswordHasher.matches(password, user.getPasswordHash())) {
            throw new ApiException(ErrorCode.WRONG_CREDENTIALS, "wrong account, user name or password; the password is sent as its"
                    + " SHA-512 hex digest");
        }
        return user;
    }

    /** @return the user, if the caller's account owns it (or the caller is the admin) */
    public UserEntity require(Caller caller, String uuid) {
        UserEntity u = store.find(UserEntity.class, uuid);
        if (u == null || (!caller.admin() && !u.getAccountUuid().equals(caller.accountUuid()))) {
            throw new ApiException(ErrorCode.RESOURCE_NOT_FOUND, "no user " + uuid + " in your account; list them with GET /zstack/v1/accounts/users");
        }
        return u;
    }
}
