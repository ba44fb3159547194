package io.kumo.core.identity.ldap;

import io.kumo.api.job.Flow;
import io.kumo.api.operation.ExistingResourceOperation;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;

/**
 * {@code PUT /ldap/servers/{ldapServerUuid} {"updateLdapServer":{...}}}: changes a server; the new settings are
 * checked by binding to the server before they are stored.
 */
public class UpdateLdapServerOperation extends ExistingResourceOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("UpdateLdapServer")
            .description("Change an LDAP server (admin only)")
            .kind(OperationKind.ACTION).resourceType(LdapServerInventory.RESOURCE_TYPE).permission("ldap:write")
            .inventoryType(LdapServerInventory.class)
            .param(ParameterDescriptor.uuid("ldapServerUuid").mandatory().describedAs("the server"))
            .param(ParameterDescriptor.string("name").range(1, 255).describedAs("new name"))
            .param(ParameterDescriptor.string("description").maxLength(2048).describedAs("new description"))
            .param(ParameterDescriptor.string("url").range(1, 1024).describedAs("new URL"))
            .param(ParameterDescriptor.string("base").range(1, 1024).describedAs("new base DN"))
            .param(ParameterDescriptor.string("username").range(1, 1024).describedAs("new bind DN"))
            .param(ParameterDescriptor.string("password").range(1, 1024).asSecret().describedAs("new bind password"))
            .param(ParameterDescriptor.string("encryption").oneOf("None", "TLS").describedAs("None or TLS"))
            .param(ParameterDescriptor.string("usernameProperty").range(1, 64).describedAs("attribute holding login names"))
            .rest(RestBinding.put("/ldap/servers/{ldapServerUuid}", "updateLdapServer"))
            .build();

    private final LdapStore store;
    private final LdapManager ldap;

    /** Wires the operation. */
    public UpdateLdapServerOperation(LdapStore store, LdapManager ldap) {
        super(DESCRIPTOR, "ldapServerUuid");
        this.store = store;
        this.ldap = ldap;
    }

    @Override protected void requireExisting(String uuid) { ldap.requireServer(uuid); }

    @Override
    public void check(OperationRequest request) {
        LdapManager.requireAdmin(request);
        LdapServerEntity changed = ldap.requireServer(uuidOf(request)).copy();
        apply(changed, request);
        ldap.directory().checkSearchCredentials(changed);
    }

    private static void apply(LdapServerEntity s, OperationRequest r) {
        if (r.has("name")) {
            s.setName(r.string("name"));
        }
        if (r.has("description")) {
            s.setDescription(r.string("description"));
        }
        if (r.has("url")) {
            s.setUrl(LdapSyntax.requireUrl(r.string("url")));
        }
        if (r.has("base")) {
            s.setBase(LdapSyntax.requireDn("base", r.string("base")));
        }
        if (r.has("username")) {
            s.setUsername(LdapSyntax.requireBindName(r.string("username")));
        }
        if (r.has("password")) {
            s.setPassword(r.string("password"));
        }
        if (r.has("encryption")) {
            s.setEncryption(r.string("encryption"));
        }
        if (r.has("usernameProperty")) {
            s.setUsernameProperty(LdapSyntax.requireAttribute(r.string("usernameProperty")));
        }
    }

    @Override
    public Flow flow(OperationRequest request) {
        String uuid = uuidOf(request);
        return Flow.named(DESCRIPTOR.name())
                .step("update-ldap-server", ctx -> {
                    store.updateServer(uuid, s -> apply(s, request));
                    ctx.result(OperationResult.inventory(ldap.requireServer(uuid).toInventory()));
                })
                .build();
    }
}
