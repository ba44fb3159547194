package io.kumo.core.login;

import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.operation.SyncOperation;

/**
 * {@code POST /accounts/two-factor-authentication}: a new TOTP secret for the caller (account or user), returned once
 * with its {@code otpauth://} URI for a QR code; login needs codes only after {@code VerifyTwoFactorAuthentication}.
 */
public class EnrolTwoFactorAuthenticationOperation implements SyncOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("EnrolTwoFactorAuthentication")
            .description("Start TOTP two-factor authentication for the caller: returns the secret and otpauth URI once")
            .kind(OperationKind.CREATE).async(false).access(io.kumo.api.operation.AccessLevel.AUTHENTICATED).resourceType("twoFactorAuthentication")
            .rest(RestBinding.post("/accounts/two-factor-authentication"))
            .build();

    private final TwoFactorManager twoFactor;

    /** @param twoFactor the manager */
    public EnrolTwoFactorAuthenticationOperation(TwoFactorManager twoFactor) { this.twoFactor = twoFactor; }

    @Override public OperationDescriptor descriptor() { return DESCRIPTOR; }

    @Override
    public OperationResult execute(OperationRequest request) {
        var c = request.caller();
        String label = c.accountName() + (c.userUuid() == null ? "" : "/" + c.userUuid());
        return OperationResult.inventory(twoFactor.enrol(c.accountUuid(), c.userUuid(), label));
    }
}
