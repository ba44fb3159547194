package io.kumo.core.plugin;

import io.kumo.api.error.ApiException;
import io.kumo.api.licence.LicenceService;
import io.kumo.api.licence.LicensedModules;
import io.kumo.api.operation.Operation;
import io.kumo.api.operation.OperationRegistry;
import io.kumo.api.plugin.Capabilities;
import io.kumo.api.plugin.CapabilityProvider;
import io.kumo.api.plugin.LicensedModuleAvailability;
import io.kumo.api.plugin.PluginInventory;
import io.kumo.api.plugin.PluginService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Merges every {@link CapabilityProvider} service's lists by name, and says for each licensed module whether a
 * plugin provides it (one of its operations is registered) and whether the licences allow it. The kernel knows no
 * hypervisor or storage type: the modules that serve them (compute, from its backend registries) say so.
 */
public class CapabilityManager implements io.kumo.api.plugin.CapabilityService {
    private static final Logger LOG = LoggerFactory.getLogger(CapabilityManager.class);
    /** The lists always present in the reply, empty when no module provides them. */
    static final List<String> STANDARD = List.of(CapabilityProvider.HYPERVISOR_TYPES, CapabilityProvider.PRIMARY_STORAGE_TYPES,
            CapabilityProvider.BACKUP_STORAGE_TYPES, CapabilityProvider.L2_NETWORK_TYPES, CapabilityProvider.L3_NETWORK_TYPES);

    private final List<CapabilityProvider> providers = new CopyOnWriteArrayList<>();
    private final OperationRegistry registry;
    private final PluginService plugins;
    private final LicenceService licences;

    /**
     * @param registry the operations registered now
     * @param plugins  the plugins of this node, to name those providing a licensed module
     * @param licences the licences
     */
    public CapabilityManager(OperationRegistry registry, PluginService plugins, LicenceService licences) {
        this.registry = registry;
        this.plugins = plugins;
        this.licences = licences;
    }

    /** @param provider a {@link CapabilityProvider} service that appeared */
    public void bind(CapabilityProvider provider) {
        if (provider != null) {
            providers.add(provider);
        }
    }

    /** @param provider a {@link CapabilityProvider} service that went away */
    public void unbind(CapabilityProvider provider) { providers.remove(provider); }

    @Override
    public Capabilities capabilities() {
        Map<String, Set<String>> merged = new TreeMap<>();
        STANDARD.forEach(name -> merged.put(name, new TreeSet<>()));
        for (CapabilityProvider p : providers) {
            try {
                p.capabilities().forEach((name, types) -> merged.computeIfAbsent(name, n -> new TreeSet<>()).addAll(nonNull(types)));
            } catch (RuntimeException e) {
                LOG.warn("capability provider {} failed; its capabilities are left out", p, e);
            }
        }
        Map<String, List<String>> types = new TreeMap<>();
        merged.forEach((name, set) -> types.put(name, List.copyOf(set)));
        return new Capabilities(types, licensedModules());
    }

    private List<LicensedModuleAvailability> licensedModules() {
        Set<String> served = new TreeSet<>();
        for (Operation op : registry.operations()) {
            op.descriptor().licensedModule().ifPresent(served::add);
        }
        List<PluginInventory> installed = served.isEmpty() ? List.of() : plugins.plugins();
        List<LicensedModuleAvailability> modules = new ArrayList<>();
        for (String module : new TreeSet<>(LicensedModules.ALL)) {
            List<String> providing = installed.stream().filter(p -> p.licensedModules().contains(module))
                    .map(PluginInventory::name).sorted().toList();
            String licence = licence(module);
            modules.add(new LicensedModuleAvailability(module, served.contains(module),
                    LicensedModuleAvailability.LICENSED.equals(licence), licence, providing));
        }
        return modules;
    }

    /** @return {@code Licensed}, {@code Expired} or {@code Unlicensed}, as {@link LicenceService#checkModule} decides */
    private String licence(String module) {
        try {
            licences.checkModule(module, true);
            return LicensedModuleAvailability.LICENSED;
        } catch (ApiException mutatingRefused) {
            try {
                licences.checkModule(module, false);
                return LicensedModuleAvailability.EXPIRED;
            } catch (ApiException readsRefused) {
                return LicensedModuleAvailability.UNLICENSED;
            }
        }
    }

    private static Collection<String> nonNull(Collection<String> types) {
        return types == null ? List.of() : types.stream().filter(t -> t != null && !t.isBlank()).toList();
    }
}
