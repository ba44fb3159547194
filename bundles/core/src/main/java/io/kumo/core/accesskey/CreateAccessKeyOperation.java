package io.kumo.core.accesskey;

import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.operation.SyncOperation;

import java.util.Objects;

/** {@code POST /accesskeys {"params":{...}}}: a key for the caller (or, for administrators, any account); the secret is returned once. */
public class CreateAccessKeyOperation implements SyncOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("CreateAccessKey")
            .description("Create an access key; AccessKeySecret is in this answer only, store it safely")
            .kind(OperationKind.CREATE).async(false).access(io.kumo.api.operation.AccessLevel.AUTHENTICATED).resourceType(AccessKeyInventory.RESOURCE_TYPE).inventoryType(AccessKeyInventory.class)
            .param(ParameterDescriptor.uuid("accountUuid").describedAs("the owner account (default: the caller's; others: administrators only)"))
            .param(ParameterDescriptor.uuid("userUuid").describedAs("the owner user (default: the caller's)"))
            .param(ParameterDescriptor.string("description").maxLength(2048).describedAs("a description"))
            .param(ParameterDescriptor.string("AccessKeyID").range(10, 20).matching("[A-Za-z0-9]+").describedAs("a chosen key id (default: random)"))
            .param(ParameterDescriptor.string("AccessKeySecret").range(10, 40).matching("[A-Za-z0-9]+").asSecret().describedAs("a chosen secret (default: random)"))
            .rest(RestBinding.post("/accesskeys"))
            .build();

    private final AccessKeyManager keys;

    /** @param keys the manager */
    public CreateAccessKeyOperation(AccessKeyManager keys) { this.keys = keys; }

    @Override public OperationDescriptor descriptor() { return DESCRIPTOR; }

    @Override
    public OperationResult execute(OperationRequest request) {
        var c = request.caller();
        String account = request.has("accountUuid") ? request.string("accountUuid") : c.accountUuid();
        String user = request.has("userUuid") ? request.string("userUuid") : (account.equals(c.accountUuid()) ? c.userUuid() : null);
        if ((!account.equals(c.accountUuid()) || !Objects.equals(user, c.userUuid())) && !c.admin()) {
            throw new ApiException(ErrorCode.PERMISSION_DENIED, "you can create access keys only for yourself; omit accountUuid and userUuid");
        }
        return OperationResult.inventory(keys.create(account, user, request.string("description"),
                request.string("AccessKeyID"), request.string("AccessKeySecret")));
    }
}
