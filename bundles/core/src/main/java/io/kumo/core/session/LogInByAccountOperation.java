package io.kumo.core.session;

import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.operation.SyncOperation;

/** {@code PUT /accounts/login {"logInByAccount":{"accountName","password"}}} with the password as SHA-512 hex. */
public class LogInByAccountOperation implements SyncOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("LogInByAccount")
            .description("Log in with an account name and the SHA-512 hex digest of its password; returns a session")
            .kind(OperationKind.ACTION).async(false).resourceType(SessionManager.RESOURCE_TYPE).permission(OperationDescriptor.PUBLIC)
            .inventoryType(SessionInventory.class)
            .param(ParameterDescriptor.string("accountName").mandatory().range(1, 255).describedAs("account name"))
            .param(ParameterDescriptor.string("password").mandatory().range(1, 512).asSecret().describedAs("SHA-512 hex of the password"))
            .rest(RestBinding.put("/accounts/login", "logInByAccount"))
            .build();

    private final SessionManager sessions;

    /** @param sessions the session manager */
    public LogInByAccountOperation(SessionManager sessions) { this.sessions = sessions; }

    @Override public OperationDescriptor descriptor() { return DESCRIPTOR; }

    @Override
    public OperationResult execute(OperationRequest request) {
        return OperationResult.inventory(sessions.logIn(request.string("accountName"), request.string("password")));
    }
}
