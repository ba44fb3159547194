package io.kumo.itests;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Path;
import java.util.Map;

/**
 * The console's identity, audit and login-protection pages end to end, on the APIs of issue 5 at ZStack's paths
 * ({@code bundles/console/src/test/e2e/identity.e2e.mjs}): an account created and its password changed through the
 * forms, a user, a policy attached to it, a group it joins, a quota changed, a session logged out, the audit and
 * operation log listed and exported as CSV, a TOTP code asked for and accepted, a captcha after failed logins. The
 * script first fails naming every route the node does not serve. Screenshots in {@code itests/target/console-screenshots}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleIdentityIT {
    private static final Path SCRIPT = ConsoleIT.ROOT.resolve("bundles/console/src/test/e2e/identity.e2e.mjs");

    private KumoNode node;
    private String base;

    @BeforeAll
    void boot() throws Exception {
        node = KumoNode.install("console-identity").start();
        base = node.rest().base().replaceFirst("/zstack/v1/?$", "");
    }

    @AfterAll
    void shutdown() throws Exception {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void identityPagesAndLoginProtectionInChromium() throws Exception {
        ConsoleIT.runScript(node, base, SCRIPT, Map.of());
    }
}
