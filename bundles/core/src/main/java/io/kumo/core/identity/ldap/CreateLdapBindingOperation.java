package io.kumo.core.identity.ldap;

import io.kumo.api.error.ApiException;
import io.kumo.api.job.Flow;
import io.kumo.api.operation.AsyncOperation;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;

import java.sql.Timestamp;

/**
 * {@code POST /ldap/bindings}: binds an LDAP user to an account, so that the user logs in with LogInByLdap as that
 * account. The user must exist on the server; the binding stores the login name as the directory spells it.
 */
public class CreateLdapBindingOperation implements AsyncOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("CreateLdapBinding")
            .description("Bind an LDAP user to an account (admin only)")
            .kind(OperationKind.CREATE).resourceType(LdapBindingInventory.RESOURCE_TYPE).permission("ldap:write")
            .inventoryType(LdapBindingInventory.class)
            .param(ParameterDescriptor.string("ldapUid").mandatory().range(1, 255).describedAs("the LDAP user's login name (value of usernameProperty)"))
            .param(ParameterDescriptor.uuid("accountUuid").mandatory().describedAs("the account the user logs in as"))
            .param(ParameterDescriptor.uuid("ldapServerUuid").describedAs("the server of the user; optional when there is one server"))
            .rest(RestBinding.post("/ldap/bindings"))
            .build();

    private final LdapStore store;
    private final LdapManager ldap;

    /** Wires the operation. */
    public CreateLdapBindingOperation(LdapStore store, LdapManager ldap) {
        this.store = store;
        this.ldap = ldap;
    }

    @Override public OperationDescriptor descriptor() { return DESCRIPTOR; }

    @Override public String serializationKey(OperationRequest request) { return LdapManager.BINDINGS_KEY; }

    @Override
    public void check(OperationRequest request) {
        LdapManager.requireAdmin(request);
        if (io.kumo.api.operation.Caller.ADMIN_ACCOUNT_UUID.equals(request.string("accountUuid"))) {
            throw new ApiException(LdapErrors.CANNOT_BIND_ADMIN, "the admin account cannot be bound to an LDAP user (as in ZStack); "
                    + "create a normal account (POST /zstack/v1/accounts) and bind the user to it");
        }
        ldap.requireAccount(request.string("accountUuid"));
        requireNotBound(ldap.serverFor(request.string("ldapServerUuid")), request.string("ldapUid"));
    }

    private String requireNotBound(LdapServerEntity server, String login) {
        LdapDirectory.LdapUser user = ldap.directory().findUser(server, login).orElseThrow(() -> new ApiException(
                LdapErrors.NO_SUCH_LDAP_USER, "no single entry with " + server.getUsernameProperty() + "=" + login + " under "
                + server.getBase() + " on LDAP server " + server.getName() + "; check the name with ldapsearch"));
        LdapBindingEntity existing = store.binding(server.getUuid(), user.uid());
        if (existing != null) {
            throw new ApiException(LdapErrors.ALREADY_BOUND, "the LDAP user " + user.uid() + " is already bound to account "
                    + existing.getAccountUuid() + " (binding " + existing.getUuid() + "); delete that binding first");
        }
        return user.uid();
    }

    @Override
    public Flow flow(OperationRequest request) {
        String uuid = request.requestId();
        return Flow.named(DESCRIPTOR.name())
                .step("create-ldap-binding", ctx -> {
                    LdapServerEntity server = ldap.serverFor(request.string("ldapServerUuid"));
                    String uid = requireNotBound(server, request.string("ldapUid"));
                    Timestamp now = new Timestamp(System.currentTimeMillis());
                    LdapBindingEntity b = new LdapBindingEntity();
                    b.setUuid(uuid);
                    b.setLdapUid(uid);
                    b.setLdapServerUuid(server.getUuid());
                    b.setAccountUuid(request.string("accountUuid"));
                    b.setCreateDate(now);
                    b.setLastOpDate(now);
                    store.createBinding(b);
                    ctx.result(OperationResult.inventory(store.binding(uuid).toInventory()));
                }, ctx -> store.deleteBinding(uuid))
                .build();
    }
}
