package io.kumo.core.session;

import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.operation.SyncOperation;

import java.util.Map;

/** {@code GET /accounts/sessions/{sessionUuid}/valid}: {@code {"valid":true|false}}. */
public class ValidateSessionOperation implements SyncOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("ValidateSession")
            .description("Tell whether a session is still valid")
            .kind(OperationKind.READ).resourceType(SessionManager.RESOURCE_TYPE).permission(OperationDescriptor.PUBLIC)
            .param(ParameterDescriptor.uuid("sessionUuid").mandatory().describedAs("the session"))
            .rest(RestBinding.get("/accounts/sessions/{sessionUuid}/valid"))
            .build();

    private final SessionManager sessions;

    /** @param sessions the session manager */
    public ValidateSessionOperation(SessionManager sessions) { this.sessions = sessions; }

    @Override public OperationDescriptor descriptor() { return DESCRIPTOR; }

    @Override
    public OperationResult execute(OperationRequest request) {
        return OperationResult.of(Map.of("valid", sessions.isValid(request.string("sessionUuid"))));
    }
}
