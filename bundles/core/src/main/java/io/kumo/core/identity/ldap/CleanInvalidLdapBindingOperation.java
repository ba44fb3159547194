package io.kumo.core.identity.ldap;

import io.kumo.api.job.Flow;
import io.kumo.api.operation.AsyncOperation;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.RestBinding;

/**
 * {@code PUT /ldap/bindings/actions {"cleanInvalidLdapBinding":{}}}: deletes the bindings whose LDAP user no longer
 * exists; returns them as {@code inventories}. Bindings on an unreachable server are kept.
 */
public class CleanInvalidLdapBindingOperation implements AsyncOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("CleanInvalidLdapBinding")
            .description("Delete the bindings whose LDAP user no longer exists (admin only)")
            .kind(OperationKind.ACTION).resourceType(LdapBindingInventory.RESOURCE_TYPE).permission("ldap:write")
            .inventoryType(LdapBindingInventory.class)
            .rest(RestBinding.put("/ldap/bindings/actions", "cleanInvalidLdapBinding"))
            .build();

    private final LdapManager ldap;

    /** @param ldap the LDAP manager */
    public CleanInvalidLdapBindingOperation(LdapManager ldap) { this.ldap = ldap; }

    @Override public OperationDescriptor descriptor() { return DESCRIPTOR; }

    @Override public String serializationKey(OperationRequest request) { return LdapManager.BINDINGS_KEY; }

    @Override public void check(OperationRequest request) { LdapManager.requireAdmin(request); }

    @Override
    public Flow flow(OperationRequest request) {
        return Flow.named(DESCRIPTOR.name())
                .step("clean-invalid-ldap-bindings", ctx -> ctx.result(OperationResult.inventories(ldap.cleanInvalidBindings(), null)))
                .build();
    }
}
