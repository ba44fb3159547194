package io.kumo.core.identity;

import io.kumo.api.operation.AccessLevel;
import io.kumo.api.operation.Caller;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.core.identity.ownership.OwnershipStore;
import io.kumo.core.identity.policy.UserPolicyCache;
import io.kumo.core.identity.policy.PolicyCodec;
import io.kumo.core.identity.policy.PolicyEntity;
import io.kumo.core.testing.Database;
import io.kumo.core.testing.Stores;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What authorization adds to a call (docs/benchmarks.md, issue 5's goal: at most 1 ms at p99): {@link AuthorizationManager}
 * on the kernel's schema in H2, for the admin, a tenant acting on its own VM, a tenant's query narrowed to what it
 * may see, and a user whose two groups and itself carry policies. Run with {@code ./kumo bench identity}; it writes
 * bundles/core/target/authorization-benchmark.md. It measures; it asserts nothing.
 */
@Tag("benchmark")
class AuthorizationBenchmark {
    private static final Logger LOG = LoggerFactory.getLogger(AuthorizationBenchmark.class);
    private static final int OWNED = Integer.getInteger("bench.owned", 200);
    private static final int CALLS = Integer.getInteger("bench.calls", 50_000);
    private static final String ACCOUNT = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private static final String USER = "cccccccccccccccccccccccccccccccc";

    private static final OperationDescriptor START_VM = OperationDescriptor.builder("StartVmInstance").kind(OperationKind.ACTION)
            .resourceType("vmInstance").access(AccessLevel.TENANT).param(ParameterDescriptor.uuid("uuid").mandatory())
            .param(ParameterDescriptor.uuid("hostUuid")).build();
    private static final OperationDescriptor QUERY_VM = OperationDescriptor.builder("QueryVmInstance").kind(OperationKind.QUERY)
            .resourceType("vmInstance").access(AccessLevel.TENANT).build();

    @Test
    void measure() throws Exception {
        StringBuilder report = new StringBuilder("| caller and operation | p50 | p99 | max |\n|---|---|---|---|\n");
        try (Database db = Database.h2()) {
            IdentityStore identities = Stores.identities(db, null);
            OwnershipStore ownership = Stores.ownership(db, null);
            for (int i = 0; i < OWNED; i++) {
                ownership.setOwner(String.format("%032x", i), "vmInstance", ACCOUNT);
            }
            String vm = String.format("%032x", OWNED / 2);
            for (int g = 0; g < 2; g++) {
                String group = String.format("%031x%d", 0xeeee, g);
                identities.addToGroup(group, USER);
                policy(identities, group, "Allow", "vmInstance:*");
            }
            policy(identities, USER, "Deny", "DeleteZone");
            UserPolicyCache policies = new UserPolicyCache(identities, null);
            AuthorizationManager authz = new AuthorizationManager(policies, ownership);
            Caller admin = Caller.system("rest");
            Caller tenant = new Caller(ACCOUNT, "t", null, "s", false, "rest", null);
            Caller user = new Caller(ACCOUNT, "t", USER, "s", false, "rest", null);
            Map<String, Object> start = Map.of("uuid", vm, "hostUuid", "ffffffffffffffffffffffffffffffff");
            report.append(row("admin, StartVmInstance", () -> authz.authorize(START_VM, start, admin)));
            report.append(row("tenant, StartVmInstance on its VM (+ a host hint)", () -> authz.authorize(START_VM, start, tenant)));
            report.append(row("tenant, QueryVmInstance narrowed to its " + OWNED + " VMs", () -> authz.authorize(QUERY_VM, Map.of(), tenant)));
            report.append(row("user with 3 policies via itself and 2 groups, StartVmInstance (policies cached)",
                    () -> authz.authorize(START_VM, start, user)));
            report.append(row("the same, policies read from the database (the cache emptied before each call)", () -> {
                policies.changed(USER);
                authz.authorize(START_VM, start, user);
            }));
        }
        LOG.info("\n{}", report);
        Files.writeString(Path.of("target/authorization-benchmark.md"), report);
    }

    private static String row(String what, Runnable call) {
        for (int i = 0; i < CALLS / 5; i++) {
            call.run();  // warm-up
        }
        long[] nanos = new long[CALLS];
        for (int i = 0; i < CALLS; i++) {
            long t0 = System.nanoTime();
            call.run();
            nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        return String.format(Locale.ROOT, "| %s | %.3f ms | %.3f ms | %.2f ms |%n", what, nanos[CALLS / 2] / 1e6,
                nanos[CALLS * 99 / 100] / 1e6, nanos[CALLS - 1] / 1e6);
    }

    private static void policy(IdentityStore identities, String principal, String effect, String action) {
        PolicyEntity p = new PolicyEntity();
        p.setUuid(String.format("%032x", (long) (principal + effect).hashCode() & 0xffffffffL));
        p.setAccountUuid(ACCOUNT);
        p.setName(effect + action);
        p.setData(PolicyCodec.encode(PolicyCodec.parse(List.of(Map.of("effect", effect, "actions", List.of(action))))));
        p.setCreateDate(new Timestamp(0));
        p.setLastOpDate(new Timestamp(0));
        identities.persist(p);
        identities.attach(p.getUuid(), principal, IdentityStore.USER);
    }
}
