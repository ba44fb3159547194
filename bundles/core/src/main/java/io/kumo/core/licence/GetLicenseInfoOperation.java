package io.kumo.core.licence;

import io.kumo.api.licence.LicenceInventory;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.operation.SyncOperation;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /licenses}: the platform licence as {@code inventory}, and the {@code edition} in force:
 * {@code Community} when there is no platform licence.
 */
public class GetLicenseInfoOperation implements SyncOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("GetLicenseInfo")
            .description("Show the platform licence and the edition in force")
            .kind(OperationKind.READ).resourceType(LicenceInventory.RESOURCE_TYPE)
            .rest(RestBinding.get("/licenses"))
            .inventoryType(LicenceInventory.class)
            .build();

    private final LicenceManager licences;

    /** @param licences the licences */
    public GetLicenseInfoOperation(LicenceManager licences) { this.licences = licences; }

    @Override public OperationDescriptor descriptor() { return DESCRIPTOR; }

    @Override
    public OperationResult execute(OperationRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        licences.platformLicence().ifPresentOrElse(l -> {
            body.put("inventory", l);
            body.put("edition", l.expired() ? "Community" : l.prodInfo());
        }, () -> body.put("edition", "Community"));
        return OperationResult.of(body);
    }
}
