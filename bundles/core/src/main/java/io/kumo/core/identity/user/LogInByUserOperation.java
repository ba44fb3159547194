package io.kumo.core.identity.user;

import io.kumo.api.operation.AccessLevel;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.operation.SyncOperation;

/** {@code PUT /accounts/users/login} with {@code logInByUser}. */
public class LogInByUserOperation implements SyncOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("LogInByUser")
            .description("Log in as a user of an account with the SHA-512 hex digest of its password; returns a session")
            .kind(OperationKind.ACTION).async(false).resourceType("session").access(AccessLevel.PUBLIC).inventoryType(io.kumo.core.session.SessionInventory.class)
            .param(ParameterDescriptor.string("accountName").range(1, 255).describedAs("the account of the user (or accountUuid)"))
            .param(ParameterDescriptor.uuid("accountUuid").describedAs("the account of the user (or accountName)"))
            .param(ParameterDescriptor.string("userName").mandatory().range(1, 255).describedAs("the user name"))
            .param(ParameterDescriptor.string("password").mandatory().range(1, 512).asSecret().describedAs("SHA-512 hex of the password"))
            .rest(RestBinding.put("/accounts/users/login", "logInByUser"))
            .build();

    private final UserManager users;

    /** Wires the operation. */
    public LogInByUserOperation(UserManager users) {
        this.users = users;
    }

    @Override public OperationDescriptor descriptor() { return DESCRIPTOR; }

    @Override
    public OperationResult execute(OperationRequest request) {
        return OperationResult.inventory(users.logIn(request.string("accountName"), request.string("accountUuid"), request.string("userName"),
                request.string("password")));
    }
}
