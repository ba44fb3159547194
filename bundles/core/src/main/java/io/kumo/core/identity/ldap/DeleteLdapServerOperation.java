package io.kumo.core.identity.ldap;

import io.kumo.api.job.Flow;
import io.kumo.api.operation.ExistingResourceOperation;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;

/** {@code DELETE /ldap/servers/{uuid}}: deletes a server and the bindings of its users. */
public class DeleteLdapServerOperation extends ExistingResourceOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("DeleteLdapServer")
            .description("Delete an LDAP server and the bindings of its users (admin only)")
            .kind(OperationKind.DELETE).resourceType(LdapServerInventory.RESOURCE_TYPE).permission("ldap:write")
            .param(ParameterDescriptor.uuid("uuid").mandatory().describedAs("the server"))
            .param(ParameterDescriptor.string("deleteMode").oneOf("Permissive", "Enforcing").withDefault("Permissive")
                    .describedAs("accepted for ZStack compatibility; the server's bindings are deleted in both modes"))
            .rest(RestBinding.delete("/ldap/servers/{uuid}"))
            .build();

    private final LdapStore store;
    private final LdapManager ldap;

    /** Wires the operation. */
    public DeleteLdapServerOperation(LdapStore store, LdapManager ldap) {
        super(DESCRIPTOR);
        this.store = store;
        this.ldap = ldap;
    }

    @Override protected void requireExisting(String uuid) { ldap.requireServer(uuid); }

    @Override
    public void check(OperationRequest request) {
        LdapManager.requireAdmin(request);
        super.check(request);
    }

    @Override
    public Flow flow(OperationRequest request) {
        return Flow.named(DESCRIPTOR.name())
                .step("delete-ldap-server", ctx -> store.deleteServer(uuidOf(request)))
                .build();
    }
}
