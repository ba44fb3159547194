package io.kumo.core.identity.group;

import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.inventory.Uuids;
import io.kumo.api.operation.Caller;
import io.kumo.core.identity.IdentityStore;
import io.kumo.core.identity.policy.UserPolicyCache;
import io.kumo.core.identity.user.UserEntity;
import io.kumo.core.identity.user.UserManager;

import java.sql.Timestamp;

/** User groups and their members. */
public class UserGroupManager {
    private final IdentityStore store;
    private final UserManager users;
    private final UserPolicyCache policies;

    /** Wires the manager. */
    public UserGroupManager(IdentityStore store, UserManager users, UserPolicyCache policies) {
        this.store = store;
        this.users = users;
        this.policies = policies;
    }

    /** Creates a group in an account. */
    public UserGroupInventory create(String accountUuid, String name, String description) {
        if (store.groupByName(accountUuid, name) != null) {
            throw new ApiException(ErrorCode.CONFLICT, "the account has a user group named " + name + "; choose another name");
        }
        Timestamp now = new Timestamp(System.currentTimeMillis());
        UserGroupEntity g = new UserGroupEntity();
        g.setUuid(Uuids.random());
        g.setAccountUuid(accountUuid);
        g.setName(name);
        g.setDescription(description);
        g.setCreateDate(now);
        g.setLastOpDate(now);
        store.persist(g);
        return g.toInventory();
    }

    /** Renames or re-describes a group. */
    public UserGroupInventory update(Caller caller, String uuid, String name, String description) {
        UserGroupEntity g = require(caller, uuid);
        if (name != null) {
            UserGroupEntity other = store.groupByName(g.getAccountUuid(), name);
            if (other != null && !other.getUuid().equals(uuid)) {
                throw new ApiException(ErrorCode.CONFLICT, "the account has a user group named " + name + "; choose another name");
            }
        }
        return store.update(UserGroupEntity.class, uuid, e -> {
            if (name != null) {
                e.setName(name);
            }
            if (description != null) {
                e.setDescription(description);
            }
            e.setLastOpDate(new Timestamp(System.currentTimeMillis()));
        }).toInventory();
    }

    /** Deletes a group; its users stay. */
    public void delete(Caller caller, String uuid) {
        require(caller, uuid);
        store.deleteGroup(uuid);
        policies.changed(uuid);
    }

    /** Adds a user to a group of the same account. */
    public void addUser(Caller caller, String groupUuid, String userUuid) {
        UserGroupEntity g = require(caller, groupUuid);
        UserEntity u = users.require(caller, userUuid);
        if (!g.getAccountUuid().equals(u.getAccountUuid())) {
            throw ApiException.invalidArgument("user " + userUuid + " and group " + groupUuid + " belong to different accounts");
        }
        store.addToGroup(groupUuid, userUuid);
        policies.changed(groupUuid);
    }

    /** Removes a user from a group. */
    public void removeUser(Caller caller, String groupUuid, String userUuid) {
        require(caller, groupUuid);
        if (!store.removeFromGroup(groupUuid, userUuid)) {
            throw new ApiException(ErrorCode.RESOURCE_NOT_FOUND, "user " + userUuid + " is not in group " + groupUuid);
        }
        policies.changed(groupUuid);
    }

    /** @return the group, if the caller's account owns it (or the caller is the admin) */
    public UserGroupEntity require(Caller caller, String uuid) {
        UserGroupEntity g = store.find(UserGroupEntity.class, uuid);
        if (g == null || (!caller.admin() && !g.getAccountUuid().equals(caller.accountUuid()))) {
            throw new ApiException(ErrorCode.RESOURCE_NOT_FOUND, "no user group " + uuid + " in your account; list them with"
                    + " GET /zstack/v1/accounts/groups");
        }
        return g;
    }
}
