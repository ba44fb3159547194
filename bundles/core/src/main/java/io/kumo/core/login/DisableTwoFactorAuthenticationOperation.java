package io.kumo.core.login;

import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.operation.SyncOperation;

/**
 * {@code PUT /accounts/two-factor-authentication/actions {"disableTwoFactorAuthentication":{"verifyCode"}}}: the caller
 * disables its own with a current code; an administrator disables anyone's by naming accountUuid (and userUuid).
 */
public class DisableTwoFactorAuthenticationOperation implements SyncOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("DisableTwoFactorAuthentication")
            .description("Disable two-factor authentication: your own with a current code, or anyone's as administrator")
            .kind(OperationKind.ACTION).async(false).access(io.kumo.api.operation.AccessLevel.AUTHENTICATED).resourceType("twoFactorAuthentication")
            .param(ParameterDescriptor.string("verifyCode").matching("\\d{6}").asSecret().describedAs("the current 6-digit code (your own)"))
            .param(ParameterDescriptor.uuid("accountUuid").describedAs("administrators: the account to disable it for"))
            .param(ParameterDescriptor.uuid("userUuid").describedAs("administrators: the user to disable it for"))
            .rest(RestBinding.put("/accounts/two-factor-authentication/actions", "disableTwoFactorAuthentication"))
            .build();

    private final TwoFactorManager twoFactor;

    /** @param twoFactor the manager */
    public DisableTwoFactorAuthenticationOperation(TwoFactorManager twoFactor) { this.twoFactor = twoFactor; }

    @Override public OperationDescriptor descriptor() { return DESCRIPTOR; }

    @Override
    public OperationResult execute(OperationRequest request) {
        var c = request.caller();
        String account = request.has("accountUuid") ? request.string("accountUuid") : c.accountUuid();
        String user = request.has("accountUuid") ? request.string("userUuid") : c.userUuid();
        boolean other = !account.equals(c.accountUuid()) || !java.util.Objects.equals(user, c.userUuid());
        if (other && !c.admin()) {
            throw new ApiException(ErrorCode.PERMISSION_DENIED, "only an administrator disables two-factor authentication of another account or user");
        }
        if (!other && !request.has("verifyCode") && !c.admin()) {
            throw ApiException.invalidArgument("verifyCode is required: send the current code of your authenticator app");
        }
        twoFactor.disable(account, user, request.string("verifyCode"), other && c.admin());
        return OperationResult.empty();
    }
}
