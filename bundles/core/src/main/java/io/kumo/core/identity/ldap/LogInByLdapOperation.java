package io.kumo.core.identity.ldap;

import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.operation.SyncOperation;
import io.kumo.core.session.SessionInventory;
import io.kumo.core.session.SessionManager;

/**
 * {@code PUT /ldap/login {"logInByLdap":{"uid","password"}}}: logs an LDAP user in as the account it is bound to. The
 * password is sent in clear text, as ZStack's LogInByLdap does (the server needs it to bind): use HTTPS in front of Kumo.
 */
public class LogInByLdapOperation implements SyncOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("LogInByLdap")
            .description("Log in with an LDAP user name and password; returns a session of the account the user is bound to")
            .kind(OperationKind.ACTION).async(false).resourceType(SessionManager.RESOURCE_TYPE).permission(OperationDescriptor.PUBLIC)
            .inventoryType(SessionInventory.class)
            .param(ParameterDescriptor.string("uid").mandatory().range(1, 255).describedAs("LDAP login name"))
            .param(ParameterDescriptor.string("password").mandatory().range(1, 1024).asSecret().describedAs("LDAP password, in clear"))
            .rest(RestBinding.put("/ldap/login", "logInByLdap"))
            .build();

    private final LdapManager ldap;

    /** @param ldap the LDAP manager */
    public LogInByLdapOperation(LdapManager ldap) { this.ldap = ldap; }

    @Override public OperationDescriptor descriptor() { return DESCRIPTOR; }

    @Override
    public OperationResult execute(OperationRequest request) {
        return OperationResult.inventory(ldap.logIn(request.string("uid"), request.string("password")));
    }
}
