package io.kumo.core.identity.ownership;

import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.operation.AccessLevel;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.operation.SyncOperation;
import io.kumo.api.vm.VmInstanceInventory;
import io.kumo.api.vm.VmService;
import io.kumo.core.identity.IdentityStore;
import io.kumo.core.session.AccountEntity;

import java.util.ArrayList;
import java.util.List;

/** {@code POST /account/{accountUuid}/resources}: gives a VM (with its volumes and NICs) or a volume to another account (V-22). */
public class ChangeResourceOwnerOperation implements SyncOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("ChangeResourceOwner")
            .description("Give a VM instance (with its volumes and NICs) or a volume to another account")
            .kind(OperationKind.ACTION).async(false).resourceType("accountResourceRef").access(AccessLevel.ADMIN)
            .inventoryType(AccountResourceRefInventory.class)
            .param(ParameterDescriptor.uuid("accountUuid").mandatory().describedAs("the new owner"))
            .param(ParameterDescriptor.uuid("resourceUuid").mandatory().describedAs("the VM instance or volume"))
            .rest(RestBinding.post("/account/{accountUuid}/resources"))
            .build();

    private final OwnershipManager ownership;
    private final IdentityStore identities;
    private final VmService vms;

    /** Wires the operation; {@code vms} is an optional service proxy (no VMs without the compute module). */
    public ChangeResourceOwnerOperation(OwnershipManager ownership, IdentityStore identities, VmService vms) {
        this.ownership = ownership;
        this.identities = identities;
        this.vms = vms;
    }

    @Override public OperationDescriptor descriptor() { return DESCRIPTOR; }

    @Override
    public OperationResult execute(OperationRequest request) {
        String accountUuid = request.string("accountUuid");
        if (identities.find(AccountEntity.class, accountUuid) == null) {
            throw new ApiException(ErrorCode.RESOURCE_NOT_FOUND, "no account " + accountUuid + "; list accounts with GET /zstack/v1/accounts");
        }
        String resourceUuid = request.string("resourceUuid");
        AccountResourceRefInventory ref = ownership.changeOwner(resourceUuid, accountUuid);
        if ("vmInstance".equals(ref.resourceType())) {
            ownership.changeOwnerOfParts(partsOf(resourceUuid), accountUuid);
        }
        return OperationResult.inventory(ref);
    }

    private List<String> partsOf(String vmUuid) {
        VmInstanceInventory vm;
        try {
            vm = vms.get(vmUuid).orElse(null);
        } catch (RuntimeException unavailable) {
            return List.of();
        }
        List<String> parts = new ArrayList<>();
        if (vm != null) {
            vm.allVolumes().forEach(v -> parts.add(v.uuid()));
            vm.vmNics().forEach(n -> parts.add(n.uuid()));
        }
        return parts;
    }
}
