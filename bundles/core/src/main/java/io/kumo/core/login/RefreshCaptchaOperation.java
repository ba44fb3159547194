package io.kumo.core.login;

import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.operation.SyncOperation;

/** {@code GET /captcha/refresh?uuid=}: a new image and answer for a captcha (ZStack's RefreshCaptcha). */
public class RefreshCaptchaOperation implements SyncOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("RefreshCaptcha")
            .description("Draw a new image (and answer) for a captcha that is hard to read")
            .kind(OperationKind.READ).async(false).resourceType("captcha").permission(OperationDescriptor.PUBLIC)
            .param(ParameterDescriptor.uuid("uuid").mandatory().describedAs("the captchaUuid"))
            .rest(RestBinding.get("/captcha/refresh"))
            .build();

    private final LoginProtection protection;

    /** @param protection the login guard */
    public RefreshCaptchaOperation(LoginProtection protection) { this.protection = protection; }

    @Override public OperationDescriptor descriptor() { return DESCRIPTOR; }

    @Override
    public OperationResult execute(OperationRequest request) {
        return OperationResult.of(protection.refreshCaptcha(request.string("uuid")));
    }
}
