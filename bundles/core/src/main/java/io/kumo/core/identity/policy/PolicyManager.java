package io.kumo.core.identity.policy;

import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.inventory.Uuids;
import io.kumo.api.operation.Caller;
import io.kumo.core.identity.IdentityStore;
import io.kumo.core.identity.group.UserGroupManager;
import io.kumo.core.identity.user.UserManager;

import java.sql.Timestamp;

/** Policies and their attachment to users and groups. */
public class PolicyManager {
    private final IdentityStore store;
    private final UserManager users;
    private final UserGroupManager groups;
    private final UserPolicyCache cache;

    /** Wires the manager. */
    public PolicyManager(IdentityStore store, UserManager users, UserGroupManager groups, UserPolicyCache cache) {
        this.store = store;
        this.users = users;
        this.groups = groups;
        this.cache = cache;
    }

    /** Creates a policy in an account. @param statements the {@code statements} parameter as sent */
    public PolicyInventory create(String accountUuid, String name, String description, Object statements) {
        String data = PolicyCodec.encode(PolicyCodec.parse(statements));
        Timestamp now = new Timestamp(System.currentTimeMillis());
        PolicyEntity p = new PolicyEntity();
        p.setUuid(Uuids.random());
        p.setAccountUuid(accountUuid);
        p.setName(name);
        p.setDescription(description);
        p.setData(data);
        p.setCreateDate(now);
        p.setLastOpDate(now);
        store.persist(p);
        return p.toInventory();
    }

    /** Deletes a policy, detaching it everywhere. */
    public void delete(Caller caller, String uuid) {
        require(caller, uuid);
        store.deletePolicy(uuid);
        cache.changed(uuid);
    }

    /** Attaches a policy to a user ({@code group=false}) or a group of the same account. */
    public void attach(Caller caller, String policyUuid, String principalUuid, boolean group) {
        PolicyEntity p = require(caller, policyUuid);
        String principalAccount = group ? groups.require(caller, principalUuid).getAccountUuid()
                : users.require(caller, principalUuid).getAccountUuid();
        if (!p.getAccountUuid().equals(principalAccount)) {
            throw ApiException.invalidArgument("policy " + policyUuid + " and " + (group ? "group " : "user ") + principalUuid
                    + " belong to different accounts");
        }
        store.attach(policyUuid, principalUuid, group ? IdentityStore.GROUP : IdentityStore.USER);
        cache.changed(policyUuid);
    }

    /** Detaches a policy from a user or group. */
    public void detach(Caller caller, String policyUuid, String principalUuid) {
        require(caller, policyUuid);
        if (!store.detach(policyUuid, principalUuid)) {
            throw new ApiException(ErrorCode.RESOURCE_NOT_FOUND, "policy " + policyUuid + " is not attached to " + principalUuid);
        }
        cache.changed(policyUuid);
    }

    private PolicyEntity require(Caller caller, String uuid) {
        PolicyEntity p = store.find(PolicyEntity.class, uuid);
        if (p == null || (!caller.admin() && !p.getAccountUuid().equals(caller.accountUuid()))) {
            throw new ApiException(ErrorCode.RESOURCE_NOT_FOUND, "no policy " + uuid + " in your account; list them with"
                    + " GET /zstack/v1/accounts/policies");
        }
        return p;
    }

}
