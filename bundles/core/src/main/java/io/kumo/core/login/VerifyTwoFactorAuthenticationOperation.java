package io.kumo.core.login;

import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.operation.SyncOperation;

/** {@code PUT /accounts/two-factor-authentication/actions {"verifyTwoFactorAuthentication":{"verifyCode"}}}: enables it. */
public class VerifyTwoFactorAuthenticationOperation implements SyncOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("VerifyTwoFactorAuthentication")
            .description("Enable the caller's two-factor authentication with a first correct code")
            .kind(OperationKind.ACTION).async(false).access(io.kumo.api.operation.AccessLevel.AUTHENTICATED).resourceType("twoFactorAuthentication")
            .param(ParameterDescriptor.string("verifyCode").mandatory().matching("\\d{6}").asSecret().describedAs("the current 6-digit code"))
            .rest(RestBinding.put("/accounts/two-factor-authentication/actions", "verifyTwoFactorAuthentication"))
            .build();

    private final TwoFactorManager twoFactor;

    /** @param twoFactor the manager */
    public VerifyTwoFactorAuthenticationOperation(TwoFactorManager twoFactor) { this.twoFactor = twoFactor; }

    @Override public OperationDescriptor descriptor() { return DESCRIPTOR; }

    @Override
    public OperationResult execute(OperationRequest request) {
        var c = request.caller();
        return OperationResult.inventory(twoFactor.verify(c.accountUuid(), c.userUuid(), request.string("verifyCode")));
    }
}
