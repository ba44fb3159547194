package io.kumo.core.plugin;

import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.hypervisor.HypervisorBackend;
import io.kumo.api.inventory.ResourceTypeProvider;
import io.kumo.api.operation.Operation;
import io.kumo.api.plugin.PluginInventory;
import io.kumo.api.plugin.PluginService;
import io.kumo.api.plugin.PluginState;
import io.kumo.api.storage.BackupStorageBackend;
import io.kumo.api.storage.PrimaryStorageBackend;
import org.apache.karaf.features.BundleInfo;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.features.Repository;
import org.apache.karaf.kar.KarService;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.blueprint.container.BlueprintEvent;
import org.osgi.service.blueprint.container.BlueprintListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.regex.Pattern;

/**
 * The plugins of this node, read from the OSGi framework on every call (nothing is cached but the last Blueprint
 * event of each bundle): a bundle is a plugin if it is not the kernel's and it imports an {@code io.kumo.api}
 * package, registers a service of an {@code io.kumo.api} type, or has the {@link PluginService#PLUGIN_HEADER} header.
 * <p>
 * Installs, uninstalls and upgrades are serialized on this node. A bundle's jar is read and checked (an OSGi bundle,
 * not the kernel's, not installed already) before anything is installed; a bundle that cannot start, or whose
 * Blueprint container fails, is uninstalled again and the call refused: a refused call leaves nothing behind.
 * As a {@link BlueprintListener}, it sees Blueprint containers come up or fail, to report {@link PluginState#Failed}
 * and to answer only once a new plugin's services are registered.
 */
public class PluginManager implements PluginService, BlueprintListener {
    private static final Logger LOG = LoggerFactory.getLogger(PluginManager.class);
    private static final Pattern IMPORTS_API = Pattern.compile("(^|,)\\s*io\\.kumo\\.api(\\.[\\w.]+)?\\s*(;|,|$)");
    private static final String API_PREFIX = "io.kumo.api.";
    /** Jars larger than this are refused, to keep a wrong URL from filling the memory. */
    private static final int MAX_JAR_BYTES = 512 * 1024 * 1024;

    private final BundleContext context;
    private final FeaturesService features;
    private final KarService kars;
    private final Duration blueprintWait;
    private final Map<Long, Seen> blueprint = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private final Object changes = new Object();

    /** The last Blueprint event of a bundle, numbered in arrival order. */
    private record Seen(int type, long sequence, Throwable cause) { }

    /**
     * @param context  the kernel bundle's context
     * @param features Karaf's features service (features repositories), or null where there is none (tests)
     * @param kars     Karaf's archive service, or null where there is none (tests)
     */
    public PluginManager(BundleContext context, FeaturesService features, KarService kars) {
        this(context, features, kars, Duration.ofSeconds(30));
    }

    /**
     * @param context       the kernel bundle's context
     * @param features      Karaf's features service, or null
     * @param kars          Karaf's archive service, or null
     * @param blueprintWait how long an install or upgrade waits for the plugin's Blueprint container
     */
    public PluginManager(BundleContext context, FeaturesService features, KarService kars, Duration blueprintWait) {
        this.context = context;
        this.features = features;
        this.kars = kars;
        this.blueprintWait = blueprintWait;
    }

    @Override
    public void blueprintEvent(BlueprintEvent event) {
        long id = event.getBundle().getBundleId();
        switch (event.getType()) {
            case BlueprintEvent.CREATED, BlueprintEvent.FAILURE -> {
                blueprint.put(id, new Seen(event.getType(), sequence.incrementAndGet(), event.getCause()));
                synchronized (blueprint) {
                    blueprint.notifyAll();
                }
            }
            case BlueprintEvent.DESTROYED -> blueprint.remove(id);
            default -> { }
        }
    }

    @Override
    public List<PluginInventory> plugins() {
        return Arrays.stream(context.getBundles()).filter(this::isPlugin).map(this::inventory)
                .sorted(Comparator.comparing(PluginInventory::name)).toList();
    }

    @Override
    public Optional<PluginInventory> find(String name) {
        return pluginBundle(name).map(this::inventory);
    }

    @Override
    public List<PluginInventory> install(String url, String feature) {
        PluginUrl u = PluginUrl.parse("url", url);
        if (feature != null && u.kind() != PluginUrl.Kind.FEATURES) {
            throw ApiException.invalidArgument("parameter 'feature' only applies to a features repository (a URL ending in .xml, or"
                    + " mvn:.../xml/features); omit it to install the bundle or archive at " + u.text());
        }
        if (feature == null && u.kind() == PluginUrl.Kind.FEATURES) {
            throw ApiException.invalidArgument(u.text() + " is a features repository: name the feature to install from it"
                    + " with parameter 'feature'");
        }
        synchronized (changes) {
            long since = sequence.get();
            Set<Long> before = bundleIds();
            switch (u.kind()) {
                case BUNDLE -> installBundle(u);
                case KAR -> installKar(u);
                default -> installFeature(u, feature);
            }
            List<Bundle> added = Arrays.stream(context.getBundles()).filter(b -> !before.contains(b.getBundleId())).toList();
            added.forEach(b -> awaitBlueprint(b, since));
            List<Bundle> plugins = added.stream().filter(this::isPlugin).toList();
            return (plugins.isEmpty() ? added : plugins).stream().map(this::inventory)
                    .sorted(Comparator.comparing(PluginInventory::name)).toList();
        }
    }

    @Override
    public PluginInventory uninstall(String name) {
        synchronized (changes) {
            Bundle bundle = requirePlugin(name);
            PluginInventory was = inventory(bundle);
            List<Feature> owners = featuresHolding(bundle);
            if (owners.isEmpty()) {
                try {
                    bundle.uninstall();
                } catch (BundleException e) {
                    throw new ApiException(ErrorCode.OPERATION_FAILED, "could not uninstall " + name + ": " + e.getMessage());
                }
            } else {
                uninstallFeatures(name, bundle, owners);
            }
            blueprint.remove(bundle.getBundleId());
            refreshRemovedBundles();
            LOG.info("plugin {} {} uninstalled", name, was.version());
            return was;
        }
    }

    @Override
    public PluginInventory upgrade(String name, String url) {
        synchronized (changes) {
            Bundle bundle = requirePlugin(name);
            PluginUrl u = PluginUrl.parse("url", url);
            if (u.kind() != PluginUrl.Kind.BUNDLE) {
                throw ApiException.invalidArgument("upgrade " + name + " from a bundle jar; " + u.text()
                        + " is a " + (u.kind() == PluginUrl.Kind.KAR ? "Karaf archive" : "features repository")
                        + ": uninstall the plugin and install the new archive or feature instead");
            }
            byte[] jar = read(u);
            String newName = symbolicName(u, jar);
            if (!name.equals(newName)) {
                throw ApiException.invalidArgument(u.text() + " holds bundle " + newName + ", not " + name
                        + "; upgrade a plugin with a newer build of the same bundle, or install the other one");
            }
            long since = sequence.get();
            String old = bundle.getVersion().toString();
            try {
                bundle.update(new ByteArrayInputStream(jar));
            } catch (BundleException e) {
                throw ApiException.invalidArgument("could not update " + name + " from " + u.text() + ": " + describe(e)
                        + "; the plugin keeps running its previous version only if it could be restarted, check GET /zstack/v1/plugins");
            }
            refreshRemovedBundles();
            awaitBlueprint(bundle, since);
            LOG.info("plugin {} upgraded from {} to {} ({})", name, old, bundle.getVersion(), u.text());
            return inventory(bundle);
        }
    }

    // ---- installing

    private void installBundle(PluginUrl u) {
        byte[] jar = read(u);
        String name = symbolicName(u, jar);
        if (KERNEL_BUNDLES.contains(name)) {
            throw ApiException.invalidArgument(u.text() + " holds the kernel bundle " + name
                    + "; the kernel is upgraded with the distribution, not installed as a plugin");
        }
        Optional<Bundle> same = Arrays.stream(context.getBundles()).filter(b -> name.equals(b.getSymbolicName())).findFirst();
        if (same.isPresent()) {
            throw new ApiException(ErrorCode.CONFLICT, "plugin " + name + " " + same.get().getVersion() + " is installed already (from "
                    + same.get().getLocation() + "); upgrade it with PUT /zstack/v1/plugins/" + name
                    + "/actions {\"upgradePlugin\":{\"url\":...}}, or uninstall it first");
        }
        Bundle bundle;
        try {
            bundle = context.installBundle(u.text(), new ByteArrayInputStream(jar));
        } catch (BundleException e) {
            if (e.getType() == BundleException.DUPLICATE_BUNDLE_ERROR) {
                throw new ApiException(ErrorCode.CONFLICT, "a bundle " + name + " of that version is installed already; "
                        + "uninstall it first");
            }
            throw ApiException.invalidArgument("could not install " + u.text() + ": " + describe(e)
                    + "; check that it is a valid OSGi bundle built against this Kumo's plugin API");
        }
        try {
            bundle.start();
        } catch (BundleException e) {
            uninstallQuietly(bundle);
            throw ApiException.invalidArgument("plugin " + name + " from " + u.text() + " cannot start: " + describe(e)
                    + "; nothing was installed. Install what it needs first (GET /zstack/v1/plugins shows what is there)");
        }
        LOG.info("plugin {} {} installed from {}", name, bundle.getVersion(), u.text());
    }

    private void installKar(PluginUrl u) {
        if (kars == null) {
            throw new ApiException(ErrorCode.UNAVAILABLE, "Karaf's kar service is not running on this node; install feature kar");
        }
        try {
            // no refresh of installed bundles: a refresh would restart the kernel's bundles (see docs/plugins.md)
            kars.install(u.uri(), false, true);
        } catch (Exception e) {
            throw ApiException.invalidArgument("could not install the archive " + u.text() + ": " + describe(e)
                    + "; check that it is a Karaf .kar reachable from this management node");
        }
        LOG.info("archive {} installed", u.text());
    }

    private void installFeature(PluginUrl u, String feature) {
        if (features == null) {
            throw new ApiException(ErrorCode.UNAVAILABLE, "Karaf's features service is not running on this node");
        }
        boolean added = false;
        try {
            Repository repository = features.getRepository(u.uri());
            if (repository == null) {
                features.addRepository(u.uri());
                added = true;
                repository = features.getRepository(u.uri());
            }
            Set<String> names = new TreeSet<>();
            Feature wanted = null;
            for (Feature f : repository == null ? new Feature[0] : repository.getFeatures()) {
                names.add(f.getName());
                if (f.getName().equals(feature) && (wanted == null || f.getVersion().compareTo(wanted.getVersion()) > 0)) {
                    wanted = f;
                }
            }
            if (wanted == null) {
                throw ApiException.invalidArgument("the features repository " + u.text() + " has no feature '" + feature
                        + "'; it holds " + names);
            }
            if (features.isInstalled(wanted)) {
                throw new ApiException(ErrorCode.CONFLICT, "feature " + feature + " " + wanted.getVersion()
                        + " is installed already; uninstall its plugins first to reinstall it");
            }
            features.installFeature(wanted.getName(), wanted.getVersion(), EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
            LOG.info("feature {} {} installed from {}", wanted.getName(), wanted.getVersion(), u.text());
        } catch (ApiException e) {
            removeRepositoryQuietly(u, added);
            throw e;
        } catch (Exception e) {
            removeRepositoryQuietly(u, added);
            throw ApiException.invalidArgument("could not install feature " + feature + " from " + u.text() + ": " + describe(e)
                    + "; check the repository URL and that everything the feature needs is reachable from this node");
        }
    }

    private void removeRepositoryQuietly(PluginUrl u, boolean added) {
        if (added) {
            try {
                features.removeRepository(u.uri());
            } catch (Exception e) {
                LOG.warn("could not remove the features repository {} again", u.text(), e);
            }
        }
    }

    // ---- uninstalling

    /** The installed features that hold this bundle: removing the bundle alone would be undone by the features service. */
    private List<Feature> featuresHolding(Bundle bundle) {
        if (features == null) {
            return List.of();
        }
        try {
            List<Feature> holding = new ArrayList<>();
            for (Feature f : features.listInstalledFeatures()) {
                for (BundleInfo b : f.getBundles()) {
                    if (bundle.getLocation().equals(b.getLocation())) {
                        holding.add(f);
                        break;
                    }
                }
            }
            return holding;
        } catch (Exception e) {
            throw new ApiException(ErrorCode.OPERATION_FAILED, "could not read the installed features: " + e.getMessage());
        }
    }

    private void uninstallFeatures(String name, Bundle bundle, List<Feature> owners) {
        List<Feature> needed = owners.stream().filter(f -> !features.isRequired(f)).toList();
        if (!needed.isEmpty()) {
            throw new ApiException(ErrorCode.INVALID_STATE, "plugin " + name + " belongs to feature(s) "
                    + needed.stream().map(Feature::getName).sorted().toList() + " that other installed features need (such as the"
                    + " distribution's boot feature kumo); it cannot be removed alone. Remove the feature from featuresBoot in"
                    + " etc/org.apache.karaf.features.cfg and restart the node");
        }
        for (Feature f : owners) {
            try {
                features.uninstallFeature(f.getName(), f.getVersion(), EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
            } catch (Exception e) {
                throw new ApiException(ErrorCode.OPERATION_FAILED, "could not uninstall feature " + f.getName() + " of plugin "
                        + name + ": " + describe(e));
            }
        }
        if (bundle.getState() != Bundle.UNINSTALLED) {
            uninstallQuietly(bundle);
        }
    }

    /** Refreshes bundles left pending removal (an uninstalled or updated bundle whose packages others used). */
    private void refreshRemovedBundles() {
        Bundle system = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION);
        FrameworkWiring wiring = system == null ? null : system.adapt(FrameworkWiring.class);
        if (wiring != null && !wiring.getRemovalPendingBundles().isEmpty()) {
            wiring.refreshBundles(null);
        }
    }

    private static void uninstallQuietly(Bundle bundle) {
        try {
            bundle.uninstall();
        } catch (BundleException | IllegalStateException e) {
            LOG.warn("could not uninstall bundle {} again", bundle.getBundleId(), e);
        }
    }

    // ---- reading

    private Optional<Bundle> pluginBundle(String name) {
        return Arrays.stream(context.getBundles()).filter(b -> name.equals(b.getSymbolicName()) && isPlugin(b)).findFirst();
    }

    private Bundle requirePlugin(String name) {
        if (KERNEL_BUNDLES.contains(name)) {
            throw ApiException.invalidArgument(name + " is part of the kernel: it cannot be uninstalled or upgraded as a plugin;"
                    + " the kernel is upgraded with the distribution. GET /zstack/v1/plugins lists the plugins");
        }
        return pluginBundle(name).orElseThrow(() -> new ApiException(ErrorCode.RESOURCE_NOT_FOUND, "no plugin named " + name
                + " is installed on this node; GET /zstack/v1/plugins lists the plugins by name (bundle symbolic name)"));
    }

    /** @return true if the bundle is a plugin (see the class comment) */
    boolean isPlugin(Bundle b) {
        String name = b.getSymbolicName();
        if (b.getBundleId() == 0 || name == null || KERNEL_BUNDLES.contains(name) || b.getState() == Bundle.UNINSTALLED) {
            return false;
        }
        var headers = b.getHeaders("");
        if (headers.get(PLUGIN_HEADER) != null) {
            return true;
        }
        String imports = headers.get(Constants.IMPORT_PACKAGE);
        if (imports != null && IMPORTS_API.matcher(imports).find()) {
            return true;
        }
        ServiceReference<?>[] services = b.getRegisteredServices();
        if (services != null) {
            for (ServiceReference<?> ref : services) {
                for (String type : objectClasses(ref)) {
                    if (type.startsWith(API_PREFIX)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private PluginInventory inventory(Bundle b) {
        Set<String> operations = new TreeSet<>();
        Set<String> resourceTypes = new TreeSet<>();
        Set<String> hypervisors = new TreeSet<>();
        Set<String> primary = new TreeSet<>();
        Set<String> backup = new TreeSet<>();
        Set<String> modules = new TreeSet<>();
        ServiceReference<?>[] services = b.getState() == Bundle.UNINSTALLED ? null : b.getRegisteredServices();
        if (services != null) {
            for (ServiceReference<?> ref : services) {
                if (Arrays.stream(objectClasses(ref)).noneMatch(t -> t.startsWith(API_PREFIX))) {
                    continue;
                }
                Object service;
                try {
                    service = context.getService(ref);
                } catch (RuntimeException e) {
                    continue;
                }
                if (service == null) {
                    continue;
                }
                try {
                    if (service instanceof Operation op) {
                        operations.add(op.descriptor().name());
                        op.descriptor().licensedModule().ifPresent(modules::add);
                    }
                    if (service instanceof ResourceTypeProvider p) {
                        resourceTypes.add(p.resourceType());
                    }
                    if (service instanceof HypervisorBackend h) {
                        hypervisors.add(h.hypervisorType());
                    }
                    if (service instanceof PrimaryStorageBackend p) {
                        primary.add(p.type());
                    }
                    if (service instanceof BackupStorageBackend p) {
                        backup.add(p.type());
                    }
                } catch (RuntimeException e) {
                    LOG.debug("could not read service {} of bundle {}", ref, b.getSymbolicName(), e);
                } finally {
                    context.ungetService(ref);
                }
            }
        }
        return new PluginInventory(String.valueOf(b.getSymbolicName()), b.getVersion().toString(),
                b.getHeaders("").get(Constants.BUNDLE_NAME), b.getBundleId(), state(b), b.getLocation(),
                List.copyOf(operations), List.copyOf(resourceTypes), List.copyOf(hypervisors), List.copyOf(primary),
                List.copyOf(backup), List.copyOf(modules));
    }

    private PluginState state(Bundle b) {
        Seen seen = blueprint.get(b.getBundleId());
        return switch (b.getState()) {
            case Bundle.ACTIVE -> seen != null && seen.type() == BlueprintEvent.FAILURE ? PluginState.Failed : PluginState.Active;
            case Bundle.RESOLVED -> PluginState.Resolved;
            case Bundle.STARTING -> PluginState.Starting;
            case Bundle.STOPPING -> PluginState.Stopping;
            default -> PluginState.Installed;
        };
    }

    /**
     * Waits until a bundle with Blueprint descriptors has its container created (or failed) after event number
     * {@code since}; a failed one is uninstalled and the call refused.
     */
    private void awaitBlueprint(Bundle b, long since) {
        if (b.getState() != Bundle.ACTIVE && b.getState() != Bundle.STARTING || !hasBlueprint(b)) {
            return;
        }
        long deadline = System.nanoTime() + blueprintWait.toNanos();
        synchronized (blueprint) {
            Seen seen = blueprint.get(b.getBundleId());
            while ((seen == null || seen.sequence() <= since) && System.nanoTime() < deadline) {
                try {
                    blueprint.wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                seen = blueprint.get(b.getBundleId());
            }
            if (seen != null && seen.sequence() > since && seen.type() == BlueprintEvent.FAILURE) {
                String name = b.getSymbolicName();
                uninstallQuietly(b);
                blueprint.remove(b.getBundleId());
                throw ApiException.invalidArgument("plugin " + name + " was removed again: its Blueprint container failed ("
                        + (seen.cause() == null ? "see the node's log" : describe(seen.cause()))
                        + "); fix the plugin or install the services it needs first");
            }
        }
    }

    private static boolean hasBlueprint(Bundle b) {
        if (b.getHeaders("").get("Bundle-Blueprint") != null) {
            return true;
        }
        var entries = b.findEntries("OSGI-INF/blueprint", "*.xml", false);
        return entries != null && entries.hasMoreElements();
    }

    private Set<Long> bundleIds() {
        Set<Long> ids = new HashSet<>();
        for (Bundle b : context.getBundles()) {
            ids.add(b.getBundleId());
        }
        return ids;
    }

    private static String[] objectClasses(ServiceReference<?> ref) {
        Object classes = ref.getProperty(Constants.OBJECTCLASS);
        return classes instanceof String[] s ? s : new String[0];
    }

    /** Reads a bundle jar from its URL (file, HTTP or Maven through the framework's URL handlers). */
    private static byte[] read(PluginUrl u) {
        try (InputStream in = u.uri().toURL().openStream()) {
            byte[] bytes = in.readNBytes(MAX_JAR_BYTES + 1);
            if (bytes.length > MAX_JAR_BYTES) {
                throw ApiException.invalidArgument(u.text() + " is larger than " + (MAX_JAR_BYTES >> 20) + " MB; that is no plugin jar");
            }
            return bytes;
        } catch (IOException | IllegalArgumentException e) {
            throw ApiException.invalidArgument("could not read " + u.text() + " from this management node: " + describe(e)
                    + "; check the URL (a mvn: artifact must be in a repository the node can reach)");
        }
    }

    /** @return the Bundle-SymbolicName of a jar, without directives */
    private static String symbolicName(PluginUrl u, byte[] jar) {
        Manifest manifest;
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            manifest = in.getManifest();
        } catch (IOException e) {
            throw ApiException.invalidArgument(u.text() + " is not a jar (" + describe(e) + "); send the URL of an OSGi bundle jar,"
                    + " a .kar or a features.xml");
        }
        String name = manifest == null ? null : manifest.getMainAttributes().getValue(Constants.BUNDLE_SYMBOLICNAME);
        if (name == null || name.isBlank()) {
            throw ApiException.invalidArgument(u.text() + " is not an OSGi bundle (its manifest has no Bundle-SymbolicName);"
                    + " build the plugin with maven-bundle-plugin against kumo-plugin-api");
        }
        int semicolon = name.indexOf(';');
        return (semicolon < 0 ? name : name.substring(0, semicolon)).trim();
    }

    private static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable c = e.getCause(); c != null && c != e; c = c.getCause()) {
            if (c.getMessage() != null && !sb.toString().contains(c.getMessage())) {
                sb.append(": ").append(c.getMessage());
            }
        }
        return sb.toString();
    }
}
