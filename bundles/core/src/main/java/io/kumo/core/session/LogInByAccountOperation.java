package io.kumo.core.session;

import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.operation.SyncOperation;
import io.kumo.core.login.LoginProtection;

/**
 * {@code PUT /accounts/login {"logInByAccount":{"accountName","password","captchaUuid","verifyCode"}}} with the password
 * as SHA-512 hex, through {@link LoginProtection} (captcha after repeated failures, TOTP code as systemTag
 * {@code twofatoken::<code>}).
 */
public class LogInByAccountOperation implements SyncOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("LogInByAccount")
            .description("Log in with an account name and the SHA-512 hex digest of its password; returns a session")
            .kind(OperationKind.ACTION).async(false).resourceType(SessionManager.RESOURCE_TYPE).permission(OperationDescriptor.PUBLIC)
            .inventoryType(SessionInventory.class)
            .param(ParameterDescriptor.string("accountName").mandatory().range(1, 255).describedAs("account name"))
            .param(ParameterDescriptor.string("password").mandatory().range(1, 512).asSecret().describedAs("SHA-512 hex of the password"))
            .param(ParameterDescriptor.string("captchaUuid").maxLength(32).describedAs("the captcha answered, after repeated failed logins"))
            .param(ParameterDescriptor.string("verifyCode").maxLength(16).asSecret().describedAs("the characters of the captcha image"))
            .rest(RestBinding.put("/accounts/login", "logInByAccount"))
            .build();

    private final SessionManager sessions;
    private final LoginProtection protection;

    /** @param sessions the session manager @param protection the login guard */
    public LogInByAccountOperation(SessionManager sessions, LoginProtection protection) {
        this.sessions = sessions;
        this.protection = protection;
    }

    @Override public OperationDescriptor descriptor() { return DESCRIPTOR; }

    @Override
    public OperationResult execute(OperationRequest request) {
        String name = request.string("accountName");
        return OperationResult.inventory(protection.logIn(LoginProtection.accountKey(name), request.string("captchaUuid"),
                request.string("verifyCode"), request.systemTags(),
                () -> {
                    AccountEntity a = sessions.checkAccountPassword(name, request.string("password"));
                    return new LoginProtection.Principal(a.getUuid(), null, a.getName());
                },
                p -> sessions.openSession(p.accountUuid(), null)));
    }
}
