package io.kumo.core.plugin;

import io.kumo.api.error.ApiException;
import io.kumo.api.licence.LicenceService;
import io.kumo.api.licence.LicensedModules;
import io.kumo.api.plugin.Capabilities;
import io.kumo.api.plugin.CapabilityProvider;
import io.kumo.api.plugin.LicensedModuleAvailability;
import io.kumo.core.operation.OperationRegistryImpl;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Constants;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CapabilityManagerTest {
    /**
     * Licences: a valid one for {@code licensed}, an expired one for {@code expired}, none for the rest. A proxy, so
     * that only {@link LicenceService#checkModule} (what capabilities use) needs an answer.
     */
    private static LicenceService licences(Set<String> licensed, Set<String> expired) {
        return (LicenceService) Proxy.newProxyInstance(CapabilityManagerTest.class.getClassLoader(), new Class<?>[]{LicenceService.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("checkModule")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    String module = (String) args[0];
                    boolean mutating = (Boolean) args[1];
                    if (licensed.contains(module) || expired.contains(module) && !mutating) {
                        return null;
                    }
                    throw new ApiException(expired.contains(module) ? LicenceService.LICENCE_EXPIRED : LicenceService.LICENCE_REQUIRED, module);
                });
    }

    @Test
    void mergesProvidersAndAlwaysNamesTheStandardLists() {
        OperationRegistryImpl registry = new OperationRegistryImpl();
        CapabilityManager manager = new CapabilityManager(registry, new PluginManager(new FakeFramework().context, null, null,
                Duration.ZERO), licences(Set.of(), Set.of()));
        Map<String, List<String>> none = manager.capabilities().types();
        for (String name : CapabilityManager.STANDARD) {
            assertEquals(List.of(), none.get(name), name + " is there, empty, without compute");
        }

        manager.bind(() -> Map.<String, Collection<String>>of(CapabilityProvider.HYPERVISOR_TYPES, List.of("Simulator"),
                CapabilityProvider.L2_NETWORK_TYPES, List.of("L2VlanNetwork", "L2NoVlanNetwork")));
        CapabilityProvider kvm = () -> Map.of(CapabilityProvider.HYPERVISOR_TYPES, List.of("KVM", "Simulator"), "gpuTypes", List.of("A100"));
        manager.bind(kvm);
        manager.bind(() -> { throw new IllegalStateException("broken provider"); });

        Map<String, List<String>> types = manager.capabilities().types();
        assertEquals(List.of("KVM", "Simulator"), types.get(CapabilityProvider.HYPERVISOR_TYPES), "merged, sorted, once each");
        assertEquals(List.of("L2NoVlanNetwork", "L2VlanNetwork"), types.get(CapabilityProvider.L2_NETWORK_TYPES));
        assertEquals(List.of("A100"), types.get("gpuTypes"), "a module may add its own lists");

        manager.unbind(kvm);
        assertEquals(List.of("Simulator"), manager.capabilities().types().get(CapabilityProvider.HYPERVISOR_TYPES), "gone with its provider");
    }

    @Test
    void saysWhichLicensedModulesAreInstalledAndLicensed() throws Exception {
        FakeFramework osgi = new FakeFramework();
        PluginManagerTest.Op addVCenter = new PluginManagerTest.Op("AddVCenter", LicensedModules.VMWARE);
        osgi.servicesByName.put("io.kumo.vmware", List.of(addVCenter));
        osgi.running("mvn:io.kumo/vmware/1", FakeFramework.plugin("io.kumo.vmware", "1.0.0"));
        osgi.running("mvn:io.kumo/backup/1", Map.of(Constants.BUNDLE_SYMBOLICNAME, "io.kumo.backup", Constants.BUNDLE_VERSION, "1.0.0"));
        OperationRegistryImpl registry = new OperationRegistryImpl();
        registry.bind(addVCenter);
        CapabilityManager manager = new CapabilityManager(registry, new PluginManager(osgi.context, null, null, Duration.ZERO),
                licences(Set.of(LicensedModules.BAREMETAL), Set.of(LicensedModules.VMWARE)));

        Capabilities c = manager.capabilities();

        assertEquals(LicensedModules.ALL.size(), c.licensedModules().size(), "every licensed module is reported");
        LicensedModuleAvailability vmware = c.licensedModules().stream().filter(m -> m.name().equals(LicensedModules.VMWARE)).findFirst().orElseThrow();
        assertTrue(vmware.available());
        assertEquals(List.of("io.kumo.vmware"), vmware.plugins());
        assertFalse(vmware.licensed());
        assertEquals(LicensedModuleAvailability.EXPIRED, vmware.licence());
        LicensedModuleAvailability baremetal = c.licensedModules().stream().filter(m -> m.name().equals(LicensedModules.BAREMETAL)).findFirst().orElseThrow();
        assertFalse(baremetal.available(), "licensed, but no plugin provides it");
        assertTrue(baremetal.licensed());
        assertEquals(List.of(), baremetal.plugins());
        LicensedModuleAvailability dr = c.licensedModules().stream().filter(m -> m.name().equals(LicensedModules.DISASTER_RECOVERY)).findFirst().orElseThrow();
        assertEquals(LicensedModuleAvailability.UNLICENSED, dr.licence());

        registry.unbind(addVCenter);
        assertFalse(manager.capabilities().licensedModules().stream().anyMatch(LicensedModuleAvailability::available),
                "a module is available only while its operations are registered");
    }
}
