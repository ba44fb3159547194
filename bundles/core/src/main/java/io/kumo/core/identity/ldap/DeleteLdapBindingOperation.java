package io.kumo.core.identity.ldap;

import io.kumo.api.job.Flow;
import io.kumo.api.operation.ExistingResourceOperation;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;

/** {@code DELETE /ldap/bindings/{uuid}}: unbinds an LDAP user from its account. */
public class DeleteLdapBindingOperation extends ExistingResourceOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("DeleteLdapBinding")
            .description("Delete the binding of an LDAP user to an account (admin only)")
            .kind(OperationKind.DELETE).resourceType(LdapBindingInventory.RESOURCE_TYPE).permission("ldap:write")
            .param(ParameterDescriptor.uuid("uuid").mandatory().describedAs("the binding"))
            .rest(RestBinding.delete("/ldap/bindings/{uuid}"))
            .build();

    private final LdapStore store;
    private final LdapManager ldap;

    /** Wires the operation. */
    public DeleteLdapBindingOperation(LdapStore store, LdapManager ldap) {
        super(DESCRIPTOR);
        this.store = store;
        this.ldap = ldap;
    }

    @Override protected void requireExisting(String uuid) { ldap.requireBinding(uuid); }

    @Override
    public void check(OperationRequest request) {
        LdapManager.requireAdmin(request);
        super.check(request);
    }

    @Override
    public Flow flow(OperationRequest request) {
        return Flow.named(DESCRIPTOR.name())
                .step("delete-ldap-binding", ctx -> store.deleteBinding(uuidOf(request)))
                .build();
    }
}
