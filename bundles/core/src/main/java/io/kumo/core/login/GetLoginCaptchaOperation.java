package io.kumo.core.login;

import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.operation.SyncOperation;

/** {@code GET /login/control/captcha?resourceName=&loginType=}: a new captcha (ZStack's GetLoginCaptcha). */
public class GetLoginCaptchaOperation implements SyncOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("GetLoginCaptcha")
            .description("Get a captcha for a login: captchaUuid and captcha (Base64 PNG); answer it with captchaUuid + verifyCode")
            .kind(OperationKind.READ).async(false).resourceType("captcha").permission(OperationDescriptor.PUBLIC)
            .param(ParameterDescriptor.string("resourceName").mandatory().range(1, 512).describedAs("the account name, <account name>/<user name> for loginType user, the LDAP uid for ldap"))
            .param(ParameterDescriptor.string("loginType").oneOf("account", "user", "ldap").withDefault("account").describedAs("account, user or ldap"))
            .param(ParameterDescriptor.string("captchaUuid").maxLength(32).describedAs("ignored (ZStack compatibility)"))
            .rest(RestBinding.get("/login/control/captcha"))
            .build();

    private final LoginProtection protection;

    /** @param protection the login guard */
    public GetLoginCaptchaOperation(LoginProtection protection) { this.protection = protection; }

    @Override public OperationDescriptor descriptor() { return DESCRIPTOR; }

    @Override
    public OperationResult execute(OperationRequest request) {
        return OperationResult.of(protection.newCaptcha(LoginProtection.key(request.string("loginType"), request.string("resourceName"))));
    }
}
