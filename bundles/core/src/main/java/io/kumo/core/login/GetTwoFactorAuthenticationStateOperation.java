package io.kumo.core.login;

import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.operation.SyncOperation;

/** {@code GET /accounts/two-factor-authentication}: the caller's status (Disabled, NewCreated, Enabled), never the secret. */
public class GetTwoFactorAuthenticationStateOperation implements SyncOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("GetTwoFactorAuthenticationState")
            .description("Whether the caller's two-factor authentication is enabled")
            .kind(OperationKind.READ).async(false).access(io.kumo.api.operation.AccessLevel.AUTHENTICATED).resourceType("twoFactorAuthentication")
            .rest(RestBinding.get("/accounts/two-factor-authentication"))
            .build();

    private final TwoFactorManager twoFactor;

    /** @param twoFactor the manager */
    public GetTwoFactorAuthenticationStateOperation(TwoFactorManager twoFactor) { this.twoFactor = twoFactor; }

    @Override public OperationDescriptor descriptor() { return DESCRIPTOR; }

    @Override
    public OperationResult execute(OperationRequest request) {
        var c = request.caller();
        return OperationResult.inventory(twoFactor.state(c.accountUuid(), c.userUuid()));
    }
}
