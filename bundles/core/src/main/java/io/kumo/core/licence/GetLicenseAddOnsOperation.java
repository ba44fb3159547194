package io.kumo.core.licence;

import io.kumo.api.licence.LicenceInventory;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.operation.SyncOperation;

import java.util.Map;

/** {@code GET /licenses/addons}: the module (Plus) licences as {@code addons}. */
public class GetLicenseAddOnsOperation implements SyncOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("GetLicenseAddOns")
            .description("List the module (Plus) licences")
            .kind(OperationKind.READ).resourceType(LicenceInventory.RESOURCE_TYPE)
            .rest(RestBinding.get("/licenses/addons"))
            .inventoryType(LicenceInventory.class)
            .build();

    private final LicenceManager licences;

    /** @param licences the licences */
    public GetLicenseAddOnsOperation(LicenceManager licences) { this.licences = licences; }

    @Override public OperationDescriptor descriptor() { return DESCRIPTOR; }

    @Override
    public OperationResult execute(OperationRequest request) {
        return OperationResult.of(Map.of("addons", licences.moduleLicences()));
    }
}
