package io.kumo.core.plugin;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.Version;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.jar.Attributes;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * A small in-memory OSGi framework for {@link PluginManager}: bundles are installed from real jar bytes (their
 * manifest gives name, version and headers), start, update and uninstall; a bundle registers the services the test
 * gave for its name when it starts. Bundles, the context and service references are dynamic proxies.
 */
final class FakeFramework {
    /** A bundle of the fake framework. */
    final class FakeBundle {
        final long id;
        final String location;
        Map<String, String> headers;
        int state = Bundle.INSTALLED;
        final List<ServiceReference<?>> services = new ArrayList<>();
        final Bundle proxy;

        FakeBundle(long id, String location, Map<String, String> headers) {
            this.id = id;
            this.location = location;
            this.headers = headers;
            this.proxy = (Bundle) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{Bundle.class}, (p, m, args) ->
                    switch (m.getName()) {
                        case "getBundleId" -> id;
                        case "getSymbolicName" -> name();
                        case "getVersion" -> Version.parseVersion(this.headers.getOrDefault(Constants.BUNDLE_VERSION, "0.0.0"));
                        case "getState" -> state;
                        case "getLocation" -> location;
                        case "getHeaders" -> new Hashtable<>(this.headers);
                        case "getRegisteredServices" -> state == Bundle.ACTIVE && !services.isEmpty()
                                ? services.toArray(new ServiceReference<?>[0]) : null;
                        case "start" -> { start(); yield null; }
                        case "stop" -> { state = Bundle.RESOLVED; services.clear(); yield null; }
                        case "uninstall" -> { state = Bundle.UNINSTALLED; services.clear(); bundles.remove(id); yield null; }
                        case "update" -> { update((InputStream) args[0]); yield null; }
                        case "findEntries", "adapt" -> null;
                        case "hashCode" -> Long.hashCode(id);
                        case "equals" -> p == args[0];
                        case "toString" -> "bundle " + id + " " + name();
                        default -> throw new UnsupportedOperationException(m.getName());
                    });
        }

        String name() {
            String n = headers.get(Constants.BUNDLE_SYMBOLICNAME);
            return n == null ? null : n.split(";")[0].trim();
        }

        void start() throws BundleException {
            if (headers.containsKey(FAIL_START)) {
                throw new BundleException("Unable to resolve " + name() + ": missing requirement osgi.wiring.package=com.example.missing",
                        BundleException.RESOLVE_ERROR);
            }
            state = Bundle.ACTIVE;
            services.clear();
            for (Object service : servicesByName.getOrDefault(name(), List.of())) {
                services.add(reference(service));
            }
        }

        void update(InputStream in) throws BundleException {
            try {
                headers = headersOf(in.readAllBytes());
            } catch (IOException e) {
                throw new BundleException("cannot read", e);
            }
            if (state == Bundle.ACTIVE) {
                start();
            }
        }
    }

    /** A header that makes a fake bundle fail to resolve when started. */
    static final String FAIL_START = "X-Fail-Start";

    private final AtomicLong ids = new AtomicLong();
    final Map<Long, FakeBundle> bundles = new LinkedHashMap<>();
    /** The services a bundle registers when it starts, by symbolic name. */
    final Map<String, List<Object>> servicesByName = new LinkedHashMap<>();
    final BundleContext context;

    FakeFramework() {
        context = (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{BundleContext.class}, (p, m, args) ->
                switch (m.getName()) {
                    case "getBundles" -> bundles.values().stream().map(b -> b.proxy).toArray(Bundle[]::new);
                    case "getBundle" -> null;
                    case "installBundle" -> install((String) args[0], ((InputStream) args[1]).readAllBytes()).proxy;
                    case "getService" -> ((ServiceReference<?>) args[0]).getProperty("service");
                    case "ungetService" -> true;
                    case "hashCode" -> 1;
                    case "equals" -> p == args[0];
                    case "toString" -> "fake context";
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        bundles.put(ids.get(), new FakeBundle(ids.getAndIncrement(), "System Bundle",
                Map.of(Constants.BUNDLE_SYMBOLICNAME, "org.apache.felix.framework")));
    }

    /** Installs a bundle from jar bytes, as the framework does. */
    FakeBundle install(String location, byte[] jar) throws BundleException {
        Map<String, String> headers;
        try {
            headers = headersOf(jar);
        } catch (IOException e) {
            throw new BundleException("not a jar", BundleException.READ_ERROR, e);
        }
        FakeBundle b = new FakeBundle(ids.getAndIncrement(), location, headers);
        bundles.put(b.id, b);
        return b;
    }

    /** Installs and starts a bundle with these headers (a bundle there before the test). */
    FakeBundle running(String location, Map<String, String> headers) throws Exception {
        FakeBundle b = install(location, jar(headers));
        b.start();
        return b;
    }

    /** @return the installed bundle of that name, if any */
    FakeBundle named(String name) {
        return bundles.values().stream().filter(b -> name.equals(b.name())).findFirst().orElse(null);
    }

    private static ServiceReference<?> reference(Object service) {
        List<String> classes = new ArrayList<>();
        for (Class<?> c = service.getClass(); c != null; c = c.getSuperclass()) {
            collectInterfaces(c, classes);
        }
        String[] objectClass = classes.toArray(new String[0]);
        return (ServiceReference<?>) Proxy.newProxyInstance(FakeFramework.class.getClassLoader(), new Class<?>[]{ServiceReference.class},
                (p, m, args) -> switch (m.getName()) {
                    case "getProperty" -> Constants.OBJECTCLASS.equals(args[0]) ? objectClass : "service".equals(args[0]) ? service : null;
                    case "hashCode" -> System.identityHashCode(p);
                    case "equals" -> p == args[0];
                    case "toString" -> "reference to " + service;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    private static void collectInterfaces(Class<?> c, List<String> into) {
        for (Class<?> i : c.getInterfaces()) {
            if (!into.contains(i.getName())) {
                into.add(i.getName());
            }
            collectInterfaces(i, into);
        }
    }

    private static Map<String, String> headersOf(byte[] jar) throws IOException {
        try (JarInputStream in = new JarInputStream(new java.io.ByteArrayInputStream(jar))) {
            Manifest manifest = in.getManifest();
            if (manifest == null) {
                throw new IOException("no manifest");
            }
            Map<String, String> headers = new LinkedHashMap<>();
            manifest.getMainAttributes().forEach((k, v) -> headers.put(k.toString(), v.toString()));
            return headers;
        }
    }

    /** @return the bytes of a jar whose manifest has these headers */
    static byte[] jar(Map<String, String> headers) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        headers.forEach((k, v) -> manifest.getMainAttributes().put(new Attributes.Name(k), v));
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (OutputStream out = new JarOutputStream(bytes, manifest)) {
            out.flush();
        }
        return bytes.toByteArray();
    }

    /** Writes a bundle jar with these headers and returns its file: URL. */
    static String jarFile(Path dir, String fileName, Map<String, String> headers) throws IOException {
        Path file = dir.resolve(fileName);
        Files.write(file, jar(headers));
        return file.toUri().toString();
    }

    /** @return the headers of a plugin bundle built against the plugin API */
    static Map<String, String> plugin(String name, String version) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put(Constants.BUNDLE_MANIFESTVERSION, "2");
        h.put(Constants.BUNDLE_SYMBOLICNAME, name);
        h.put(Constants.BUNDLE_VERSION, version);
        h.put(Constants.BUNDLE_NAME, "Plugin " + name);
        h.put(Constants.IMPORT_PACKAGE, "io.kumo.api.operation;version=\"[1.0,2)\",org.slf4j;version=\"[1.7,2)\"");
        return h;
    }
}
