package io.kumo.core.session;

import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.operation.SyncOperation;

/** {@code DELETE /accounts/sessions/{sessionUuid}}: ends a session on every node. */
public class LogOutOperation implements SyncOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("LogOut")
            .description("End a session")
            .kind(OperationKind.DELETE).async(false).resourceType(SessionManager.RESOURCE_TYPE).permission(OperationDescriptor.PUBLIC)
            .param(ParameterDescriptor.uuid("sessionUuid").mandatory().describedAs("the session to end"))
            .rest(RestBinding.delete("/accounts/sessions/{sessionUuid}"))
            .build();

    private final SessionManager sessions;

    /** @param sessions the session manager */
    public LogOutOperation(SessionManager sessions) { this.sessions = sessions; }

    @Override public OperationDescriptor descriptor() { return DESCRIPTOR; }

    @Override
    public OperationResult execute(OperationRequest request) {
        sessions.logOut(request.string("sessionUuid"));
        return OperationResult.empty();
    }
}
