package io.kumo.core.plugin;

import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.hypervisor.HypervisorBackend;
import io.kumo.api.inventory.ResourceTypeProvider;
import io.kumo.api.licence.LicensedModules;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.SyncOperation;
import io.kumo.api.plugin.PluginInventory;
import io.kumo.api.plugin.PluginState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.service.blueprint.container.BlueprintEvent;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PluginManagerTest {
    @TempDir
    Path dir;
    private FakeFramework osgi;
    private PluginManager plugins;

    /** An operation, optionally of a licensed module. */
    record Op(String name, String module) implements SyncOperation {
        @Override
        public OperationDescriptor descriptor() {
            OperationDescriptor.Builder b = OperationDescriptor.builder(name);
            return module == null ? b.build() : b.licensedModule(module).build();
        }

        @Override public OperationResult execute(OperationRequest request) { return OperationResult.empty(); }
    }

    /** A resource type declaration. */
    record Type(String resourceType) implements ResourceTypeProvider {
        @Override public String voName() { return resourceType + "VO"; }
        @Override public boolean exists(String uuid) { return false; }
    }

    private static HypervisorBackend hypervisor(String type) {
        return (HypervisorBackend) Proxy.newProxyInstance(PluginManagerTest.class.getClassLoader(), new Class<?>[]{HypervisorBackend.class},
                (p, m, args) -> switch (m.getName()) {
                    case "hypervisorType" -> type;
                    case "hashCode" -> 7;
                    case "equals" -> p == args[0];
                    case "toString" -> "hypervisor " + type;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    @BeforeEach
    void framework() throws Exception {
        osgi = new FakeFramework();
        plugins = new PluginManager(osgi.context, null, null, Duration.ofMillis(100));
        // the kernel, a library and Karaf: none is a plugin
        osgi.servicesByName.put("io.kumo.core", List.of(new Op("CreateZone", null)));
        osgi.running("mvn:io.kumo/kumo-core/1", FakeFramework.plugin("io.kumo.core", "1.0.0"));
        osgi.running("mvn:com.fasterxml/jackson", Map.of(Constants.BUNDLE_SYMBOLICNAME, "com.fasterxml.jackson.core.jackson-databind",
                Constants.BUNDLE_VERSION, "2.22.4", Constants.IMPORT_PACKAGE, "javax.xml.stream"));
        osgi.running("mvn:org.apache.karaf/shell", Map.of(Constants.BUNDLE_SYMBOLICNAME, "org.apache.karaf.shell.core",
                Constants.BUNDLE_VERSION, "4.4.9"));
    }

    private static void assertRefused(ErrorCode code, String detailPart, Executable call) {
        ApiException e = assertThrows(ApiException.class, call);
        assertEquals(code.code(), e.error().code(), e.getMessage());
        assertTrue(e.error().httpStatus() >= 400 && e.error().httpStatus() < 500, e.getMessage());
        assertTrue(e.error().details().contains(detailPart), "'" + e.error().details() + "' should say '" + detailPart + "'");
    }

    @Test
    void listsOnlyPluginsWithWhatTheyProvide() throws Exception {
        osgi.servicesByName.put("io.kumo.simulator", List.of(new Op("ConfigureSimulator", null), hypervisor("Simulator"),
                new Type("simulator")));
        osgi.running("mvn:io.kumo/kumo-simulator/1", FakeFramework.plugin("io.kumo.simulator", "0.1.0"));
        osgi.servicesByName.put("io.kumo.vmware", List.of(new Op("AddVCenter", LicensedModules.VMWARE)));
        osgi.running("mvn:io.kumo/kumo-vmware/1", FakeFramework.plugin("io.kumo.vmware", "1.2.3"));
        Map<String, String> headerOnly = new java.util.HashMap<>(Map.of(Constants.BUNDLE_SYMBOLICNAME, "com.example.marked",
                Constants.BUNDLE_VERSION, "1.0.0", "Kumo-Plugin", "true"));
        osgi.install("file:/marked.jar", FakeFramework.jar(headerOnly));

        List<PluginInventory> all = plugins.plugins();
        assertEquals(List.of("com.example.marked", "io.kumo.simulator", "io.kumo.vmware"), all.stream().map(PluginInventory::name).toList(),
                "the kernel, libraries and Karaf are not plugins; a Kumo-Plugin header makes one even before it starts");
        PluginInventory sim = all.get(1);
        assertEquals("0.1.0", sim.version());
        assertEquals(PluginState.Active, sim.state());
        assertEquals("mvn:io.kumo/kumo-simulator/1", sim.location());
        assertEquals(List.of("ConfigureSimulator"), sim.operations());
        assertEquals(List.of("Simulator"), sim.hypervisorTypes());
        assertEquals(List.of("simulator"), sim.resourceTypes());
        assertEquals(List.of(), sim.licensedModules());
        assertEquals(List.of(LicensedModules.VMWARE), all.get(2).licensedModules());
        assertEquals(PluginState.Installed, all.get(0).state());
        assertTrue(plugins.find("io.kumo.core").isEmpty(), "the kernel is not found as a plugin");
    }

    @Test
    void installsABundleFromAFileUrlAndStartsIt() throws Exception {
        osgi.servicesByName.put("com.example.hello", List.of(new Op("SayHello", null)));
        String url = FakeFramework.jarFile(dir, "hello.jar", FakeFramework.plugin("com.example.hello", "1.0.0"));

        List<PluginInventory> added = plugins.install(url, null);

        assertEquals(1, added.size());
        assertEquals("com.example.hello", added.get(0).name());
        assertEquals(PluginState.Active, added.get(0).state());
        assertEquals(List.of("SayHello"), added.get(0).operations());
        assertEquals(url, added.get(0).location());
        assertEquals(Bundle.ACTIVE, osgi.named("com.example.hello").state);
        assertEquals(added, List.of(plugins.find("com.example.hello").orElseThrow()));
    }

    @Test
    void refusesBadUrlsWithoutInstallingAnything() throws Exception {
        int before = osgi.bundles.size();
        assertRefused(ErrorCode.INVALID_ARGUMENT, "scheme 'ftp:'", () -> plugins.install("ftp://example.com/p.jar", null));
        assertRefused(ErrorCode.INVALID_ARGUMENT, "no scheme", () -> plugins.install("/tmp/p.jar", null));
        assertRefused(ErrorCode.INVALID_ARGUMENT, "copy the plugin there first",
                () -> plugins.install(dir.resolve("missing.jar").toUri().toString(), null));
        assertRefused(ErrorCode.INVALID_ARGUMENT, "not a valid URL", () -> plugins.install("file:/a b\\c", null));
        assertRefused(ErrorCode.INVALID_ARGUMENT, "not an OSGi bundle",
                () -> plugins.install(FakeFramework.jarFile(dir, "plain.jar", Map.of("Created-By", "javac")), null));
        assertRefused(ErrorCode.INVALID_ARGUMENT, "kernel bundle io.kumo.core",
                () -> plugins.install(FakeFramework.jarFile(dir, "core.jar", FakeFramework.plugin("io.kumo.core", "9.0.0")), null));
        String jar = FakeFramework.jarFile(dir, "p.jar", FakeFramework.plugin("com.example.p", "1.0.0"));
        assertRefused(ErrorCode.INVALID_ARGUMENT, "only applies to a features repository", () -> plugins.install(jar, "some-feature"));
        assertRefused(ErrorCode.INVALID_ARGUMENT, "name the feature",
                () -> plugins.install(FakeFramework.jarFile(dir, "features.xml", Map.of()), null));
        assertEquals(before, osgi.bundles.size(), "nothing was installed");
    }

    @Test
    void aPluginThatCannotStartIsRemovedAgain() throws Exception {
        Map<String, String> headers = new java.util.HashMap<>(FakeFramework.plugin("com.example.broken", "1.0.0"));
        headers.put(FakeFramework.FAIL_START, "yes");
        String url = FakeFramework.jarFile(dir, "broken.jar", headers);
        assertRefused(ErrorCode.INVALID_ARGUMENT, "com.example.missing", () -> plugins.install(url, null));
        assertNull(osgi.named("com.example.broken"), "the bundle is uninstalled again");
    }

    @Test
    void installingAPluginTwiceIsAConflict() throws Exception {
        plugins.install(FakeFramework.jarFile(dir, "a1.jar", FakeFramework.plugin("com.example.a", "1.0.0")), null);
        String v2 = FakeFramework.jarFile(dir, "a2.jar", FakeFramework.plugin("com.example.a", "2.0.0"));
        assertRefused(ErrorCode.CONFLICT, "upgrade it", () -> plugins.install(v2, null));
        assertEquals("1.0.0", plugins.find("com.example.a").orElseThrow().version());
    }

    @Test
    void uninstallsAPluginAndRefusesTheKernelAndUnknownNames() throws Exception {
        osgi.servicesByName.put("com.example.gone", List.of(new Op("DoGone", null)));
        plugins.install(FakeFramework.jarFile(dir, "gone.jar", FakeFramework.plugin("com.example.gone", "1.0.0")), null);

        PluginInventory was = plugins.uninstall("com.example.gone");

        assertEquals(List.of("DoGone"), was.operations(), "the reply shows what was removed");
        assertTrue(plugins.find("com.example.gone").isEmpty());
        assertNull(osgi.named("com.example.gone"));
        assertRefused(ErrorCode.RESOURCE_NOT_FOUND, "no plugin named com.example.gone", () -> plugins.uninstall("com.example.gone"));
        assertRefused(ErrorCode.INVALID_ARGUMENT, "part of the kernel", () -> plugins.uninstall("io.kumo.core"));
        assertRefused(ErrorCode.RESOURCE_NOT_FOUND, "no plugin named", () -> plugins.uninstall("org.apache.karaf.shell.core"));
        assertNotNull(osgi.named("io.kumo.core"), "the kernel stays");
        assertNotNull(osgi.named("org.apache.karaf.shell.core"), "a bundle that is not a plugin is not touched");
    }

    @Test
    void upgradesAPluginFromANewBuildOfTheSameBundle() throws Exception {
        osgi.servicesByName.put("com.example.up", List.of(new Op("SayUp", null)));
        plugins.install(FakeFramework.jarFile(dir, "up1.jar", FakeFramework.plugin("com.example.up", "1.0.0")), null);
        long id = plugins.find("com.example.up").orElseThrow().bundleId();

        PluginInventory upgraded = plugins.upgrade("com.example.up",
                FakeFramework.jarFile(dir, "up2.jar", FakeFramework.plugin("com.example.up", "2.0.0")));

        assertEquals("2.0.0", upgraded.version());
        assertEquals(id, upgraded.bundleId(), "an upgrade updates the bundle in place");
        assertEquals(PluginState.Active, upgraded.state());
        assertEquals(List.of("SayUp"), upgraded.operations());

        String other = FakeFramework.jarFile(dir, "other.jar", FakeFramework.plugin("com.example.other", "3.0.0"));
        assertRefused(ErrorCode.INVALID_ARGUMENT, "holds bundle com.example.other, not com.example.up",
                () -> plugins.upgrade("com.example.up", other));
        assertRefused(ErrorCode.INVALID_ARGUMENT, "scheme 'gopher:'", () -> plugins.upgrade("com.example.up", "gopher://x/y.jar"));
        assertRefused(ErrorCode.INVALID_ARGUMENT, "part of the kernel", () -> plugins.upgrade("io.kumo.rest", other));
        assertRefused(ErrorCode.RESOURCE_NOT_FOUND, "no plugin named", () -> plugins.upgrade("com.example.none", other));
        assertEquals("2.0.0", plugins.find("com.example.up").orElseThrow().version(), "refused upgrades change nothing");
    }

    @Test
    void aFailedBlueprintContainerShowsAsFailed() throws Exception {
        plugins.install(FakeFramework.jarFile(dir, "f.jar", FakeFramework.plugin("com.example.f", "1.0.0")), null);
        Bundle bundle = osgi.named("com.example.f").proxy;
        plugins.blueprintEvent(new BlueprintEvent(BlueprintEvent.FAILURE, bundle, osgi.bundles.get(0L).proxy, new IllegalStateException("x")));
        assertEquals(PluginState.Failed, plugins.find("com.example.f").orElseThrow().state());
        plugins.blueprintEvent(new BlueprintEvent(BlueprintEvent.CREATED, bundle, osgi.bundles.get(0L).proxy));
        assertEquals(PluginState.Active, plugins.find("com.example.f").orElseThrow().state());
        assertFalse(plugins.plugins().isEmpty());
    }
}
