package io.kumo.core.identity.user;

import io.kumo.api.operation.AccessLevel;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.operation.SyncOperation;
import io.kumo.core.login.LoginProtection;

/**
 * {@code PUT /accounts/users/login} with {@code logInByUser}, through {@link LoginProtection}: captcha after repeated
 * failures (login name {@code <account name or uuid>/<user name>}), TOTP code as systemTag {@code twofatoken::<code>}.
 */
public class LogInByUserOperation implements SyncOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("LogInByUser")
            .description("Log in as a user of an account with the SHA-512 hex digest of its password; returns a session")
            .kind(OperationKind.ACTION).async(false).resourceType("session").access(AccessLevel.PUBLIC).inventoryType(io.kumo.core.session.SessionInventory.class)
            .param(ParameterDescriptor.string("accountName").range(1, 255).describedAs("the account of the user (or accountUuid)"))
            .param(ParameterDescriptor.uuid("accountUuid").describedAs("the account of the user (or accountName)"))
            .param(ParameterDescriptor.string("userName").mandatory().range(1, 255).describedAs("the user name"))
            .param(ParameterDescriptor.string("password").mandatory().range(1, 512).asSecret().describedAs("SHA-512 hex of the password"))
            .param(ParameterDescriptor.string("captchaUuid").maxLength(32).describedAs("the captcha answered, after repeated failed logins"))
            .param(ParameterDescriptor.string("verifyCode").maxLength(16).asSecret().describedAs("the characters of the captcha image"))
            .rest(RestBinding.put("/accounts/users/login", "logInByUser"))
            .build();

    private final UserManager users;
    private final io.kumo.core.session.SessionManager sessions;
    private final LoginProtection protection;

    /** Wires the operation. */
    public LogInByUserOperation(UserManager users, io.kumo.core.session.SessionManager sessions, LoginProtection protection) {
        this.users = users;
        this.sessions = sessions;
        this.protection = protection;
    }

    @Override public OperationDescriptor descriptor() { return DESCRIPTOR; }

    @Override
    public OperationResult execute(OperationRequest request) {
        String account = request.has("accountName") ? request.string("accountName") : request.string("accountUuid");
        String user = request.string("userName");
        return OperationResult.inventory(protection.logIn(LoginProtection.userKey(account, user), request.string("captchaUuid"),
                request.string("verifyCode"), request.systemTags(),
                () -> {
                    UserEntity u = users.checkPassword(request.string("accountName"), request.string("accountUuid"), user, request.string("password"));
                    return new LoginProtection.Principal(u.getAccountUuid(), u.getUuid(), account + "/" + user);
                },
                p -> sessions.openSession(p.accountUuid(), p.userUuid())));
    }
}
