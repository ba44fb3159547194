package io.kumo.core.identity.ldap;

import io.kumo.api.job.Flow;
import io.kumo.api.operation.AsyncOperation;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;

import java.sql.Timestamp;

/**
 * {@code POST /ldap/servers}: adds an LDAP or Active Directory server. The settings are checked by binding to the server
 * with the given DN and password before anything is stored.
 */
public class AddLdapServerOperation implements AsyncOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("AddLdapServer")
            .description("Add an LDAP or Active Directory server that users can log in against (admin only)")
            .kind(OperationKind.CREATE).resourceType(LdapServerInventory.RESOURCE_TYPE).permission("ldap:write")
            .inventoryType(LdapServerInventory.class)
            .param(ParameterDescriptor.string("name").mandatory().range(1, 255).describedAs("server name"))
            .param(ParameterDescriptor.string("description").maxLength(2048).describedAs("free text"))
            .param(ParameterDescriptor.string("url").mandatory().range(1, 1024).describedAs("ldap://HOST[:PORT] or ldaps://HOST[:PORT]"))
            .param(ParameterDescriptor.string("base").mandatory().range(1, 1024).describedAs("base DN users are searched under, e.g. dc=example,dc=com"))
            .param(ParameterDescriptor.string("username").mandatory().range(1, 1024).describedAs("DN (or AD user principal name) Kumo binds as to search users"))
            .param(ParameterDescriptor.string("password").mandatory().range(1, 1024).asSecret().describedAs("password of username"))
            .param(ParameterDescriptor.string("encryption").oneOf("None", "TLS").withDefault("None").describedAs("TLS: StartTLS on an ldap:// URL"))
            .param(ParameterDescriptor.string("scope").oneOf("account").withDefault("account").describedAs("what LDAP users are bound to"))
            .param(ParameterDescriptor.string("usernameProperty").range(1, 64).withDefault("uid")
                    .describedAs("attribute holding login names: uid (OpenLDAP) or sAMAccountName (Active Directory)"))
            .param(ParameterDescriptor.uuid("resourceUuid").describedAs("uuid to give the server instead of a generated one"))
            .rest(RestBinding.post("/ldap/servers"))
            .build();

    private final LdapStore store;
    private final LdapManager ldap;

    /** Wires the operation. */
    public AddLdapServerOperation(LdapStore store, LdapManager ldap) {
        this.store = store;
        this.ldap = ldap;
    }

    @Override public OperationDescriptor descriptor() { return DESCRIPTOR; }

    private static String uuidOf(OperationRequest request) {
        return request.has("resourceUuid") ? request.string("resourceUuid") : request.requestId();
    }

    @Override public String serializationKey(OperationRequest request) { return uuidOf(request); }

    @Override
    public void check(OperationRequest request) {
        LdapManager.requireAdmin(request);
        if (store.server(uuidOf(request)) != null) {
            throw new io.kumo.api.error.ApiException(io.kumo.api.error.ErrorCode.CONFLICT,
                    "an LDAP server with uuid " + uuidOf(request) + " already exists; omit resourceUuid to get a new one");
        }
        ldap.directory().checkSearchCredentials(entity(request));
    }

    private static LdapServerEntity entity(OperationRequest request) {
        LdapServerEntity s = new LdapServerEntity();
        s.setUuid(uuidOf(request));
        s.setName(request.string("name"));
        s.setDescription(request.string("description"));
        s.setUrl(LdapSyntax.requireUrl(request.string("url")));
        s.setBase(LdapSyntax.requireDn("base", request.string("base")));
        s.setUsername(LdapSyntax.requireBindName(request.string("username")));
        s.setPassword(request.string("password"));
        s.setEncryption(request.string("encryption"));
        s.setScope(request.string("scope"));
        s.setUsernameProperty(LdapSyntax.requireAttribute(request.string("usernameProperty")));
        return s;
    }

    @Override
    public Flow flow(OperationRequest request) {
        String uuid = uuidOf(request);
        return Flow.named(DESCRIPTOR.name())
                .step("add-ldap-server", ctx -> {
                    LdapServerEntity s = entity(request);
                    Timestamp now = new Timestamp(System.currentTimeMillis());
                    s.setCreateDate(now);
                    s.setLastOpDate(now);
                    store.createServer(s);
                    ctx.result(OperationResult.inventory(store.server(uuid).toInventory()));
                }, ctx -> store.deleteServer(uuid))
                .build();
    }
}
