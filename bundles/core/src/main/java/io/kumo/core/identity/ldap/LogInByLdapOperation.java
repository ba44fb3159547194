package io.kumo.core.identity.ldap;

import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.operation.SyncOperation;
import io.kumo.core.login.LoginProtection;
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
            .param(ParameterDescriptor.uuid("captchaUuid").describedAs("the captcha answered, after 6 failed logins"))
            .param(ParameterDescriptor.string("verifyCode").maxLength(32).describedAs("the captcha's text"))
            .rest(RestBinding.put("/ldap/login", "logInByLdap"))
            .build();

    private final LdapManager ldap;
    private final LoginProtection protection;
    private final SessionManager sessions;

    /** @param ldap the LDAP manager */
    public LogInByLdapOperation(LdapManager ldap, LoginProtection protection, SessionManager sessions) {
        this.ldap = ldap;
        this.protection = protection;
        this.sessions = sessions;
    }

    @Override public OperationDescriptor descriptor() { return DESCRIPTOR; }

    @Override
    public OperationResult execute(OperationRequest request) {
        String uid = request.string("uid");
        // the same guard as account and user logins: a captcha after repeated failures, the two-factor code if enabled
        return OperationResult.inventory(protection.logIn(LoginProtection.ldapKey(uid), request.string("captchaUuid"),
                request.string("verifyCode"), request.systemTags(),
                () -> new LoginProtection.Principal(ldap.authenticate(uid, request.string("password")), null, uid),
                p -> sessions.openSession(p.accountUuid(), null)));
    }
}
