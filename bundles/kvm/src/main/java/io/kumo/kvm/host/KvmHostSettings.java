package io.kumo.kvm.host;

import io.kumo.api.hypervisor.HostConnection;
import io.kumo.kvm.domain.DomainOptions;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The settings of one KVM host, read from the properties it was added with ({@code AddKVMHost} parameters). Every
 * property is optional:
 * <ul>
 *   <li>{@value #LIBVIRT_URI}: the libvirt URI; default {@code qemu+ssh://USERNAME@MANAGEMENT_IP:SSH_PORT/system?no_tty=1}</li>
 *   <li>{@value #SSH_PORT}: the SSH port of the default URI, default 22</li>
 *   <li>{@value #DOMAIN_TYPE}: {@code qemu} (TCG, the default), {@code kvm}, or {@code auto} (kvm when the host's
 *       capabilities offer it for the architecture)</li>
 *   <li>{@value #MACHINE}: the machine type ({@code pc}, {@code q35}...), default libvirt's</li>
 *   <li>{@value #MAX_VCPUS}: vCPUs a VM is defined with room for (online CPU change), default 16</li>
 *   <li>{@value #MAX_MEMORY}: memory in bytes a VM is defined with room for (balloon), default 0 (the VM's own)</li>
 *   <li>{@value #VNC_LISTEN}: the address VNC consoles listen on; default the host's management IP (the address the
 *   management node's console proxy reaches), {@code 127.0.0.1} for a local URI; never every interface unless set</li>
 *   <li>{@value #STOP_TIMEOUT}: seconds a graceful stop waits for the guest before powering it off, default 60</li>
 *   <li>{@value #CONNECT_TIMEOUT}: seconds to wait for libvirt to answer when connecting or pinging, default 30</li>
 *   <li>{@value #MIGRATE_UNSAFE}: {@code true} (default) to live-migrate even when libvirt cannot prove the disks
 *       are safely shared (disk cache modes), as on local storage copied beforehand</li>
 * </ul>
 *
 * @param uri            the libvirt URI
 * @param domain         the domain XML choices
 * @param autoDomainType whether the domain type is chosen from the host's capabilities
 * @param stopTimeout    how long a graceful stop waits
 * @param connectTimeout how long a connect or ping waits
 * @param migrateUnsafe  whether migrations pass {@code VIR_MIGRATE_UNSAFE}
 */
public record KvmHostSettings(String uri, DomainOptions domain, boolean autoDomainType, Duration stopTimeout,
                              Duration connectTimeout, boolean migrateUnsafe) {
    /** Property: the libvirt URI. */
    public static final String LIBVIRT_URI = "libvirtUri";
    /** Property: the SSH port of the default URI. */
    public static final String SSH_PORT = "sshPort";
    /** Property: the domain type. */
    public static final String DOMAIN_TYPE = "kvm.domainType";
    /** Property: the machine type. */
    public static final String MACHINE = "kvm.machine";
    /** Property: the vCPUs a VM has room for. */
    public static final String MAX_VCPUS = "kvm.maxVcpus";
    /** Property: the memory a VM has room for. */
    public static final String MAX_MEMORY = "kvm.maxMemory";
    /** Property: the VNC listen address. */
    public static final String VNC_LISTEN = "kvm.vncListen";
    /** Property: graceful stop timeout in seconds. */
    public static final String STOP_TIMEOUT = "kvm.stopTimeoutSeconds";
    /** Property: connect and ping timeout in seconds. */
    public static final String CONNECT_TIMEOUT = "kvm.connectTimeoutSeconds";
    /** Property: live-migrate with the unsafe flag. */
    public static final String MIGRATE_UNSAFE = "kvm.migrateUnsafe";
    /** The URI schemes accepted. */
    public static final List<String> SCHEMES = List.of("qemu", "qemu+tcp", "qemu+ssh", "qemu+tls", "test", "test+tcp");
    /** The regular expression URIs must match (scheme check; the rest is checked when parsed). */
    public static final String URI_PATTERN = "^(qemu|qemu\\+tcp|qemu\\+ssh|qemu\\+tls|test|test\\+tcp)://[^\\s]*$";

    /**
     * @param host a host
     * @return its settings
     * @throws KvmException if a property is invalid (the message names it)
     */
    public static KvmHostSettings of(HostConnection host) throws KvmException {
        Map<String, String> p = host.properties();
        String uri = uri(host);
        String type = p.getOrDefault(DOMAIN_TYPE, "qemu").trim();
        if (!List.of("qemu", "kvm", "auto").contains(type)) {
            throw new KvmException(DOMAIN_TYPE + " must be qemu, kvm or auto, not '" + type + "'");
        }
        String machine = blankToNull(p.get(MACHINE));
        int maxVcpus = (int) number(p, MAX_VCPUS, 16, 1, 4096);
        long maxMemory = number(p, MAX_MEMORY, 0, 0, Long.MAX_VALUE);
        String listen = blankToNull(p.get(VNC_LISTEN));
        if (listen == null) {
            listen = isLocal(uri) || host.managementIp() == null ? "127.0.0.1" : host.managementIp();
        }
        long stop = number(p, STOP_TIMEOUT, 60, 0, 86_400);
        long connect = number(p, CONNECT_TIMEOUT, 30, 1, 3_600);
        boolean unsafe = !"false".equalsIgnoreCase(p.getOrDefault(MIGRATE_UNSAFE, "true").trim());
        DomainOptions options = new DomainOptions("auto".equals(type) ? "qemu" : type, null, machine, maxVcpus,
                maxMemory, listen);
        return new KvmHostSettings(uri, options, "auto".equals(type), Duration.ofSeconds(stop),
                Duration.ofSeconds(connect), unsafe);
    }

    /**
     * @param host a host
     * @return its libvirt URI: the {@value #LIBVIRT_URI} property, else its connection URL, else the default SSH URI
     * @throws KvmException if the URI is not one this backend accepts
     */
    public static String uri(HostConnection host) throws KvmException {
        String uri = blankToNull(host.properties().get(LIBVIRT_URI));
        if (uri == null) {
            uri = blankToNull(host.url());
        }
        if (uri == null) {
            long port = number(host.properties(), SSH_PORT, 22, 1, 65_535);
            String ip = host.managementIp();
            if (ip != null && ip.contains(":") && !ip.startsWith("[")) {
                ip = "[" + ip + "]";
            }
            String user = blankToNull(host.username());
            uri = "qemu+ssh://" + (user == null ? "" : user + "@") + ip + ":" + port + "/system?no_tty=1";
        }
        return validate(uri);
    }

    /**
     * @param uri a libvirt URI
     * @return it, if valid
     * @throws KvmException if its scheme is not accepted or it does not parse
     */
    public static String validate(String uri) throws KvmException {
        if (!uri.matches(URI_PATTERN)) {
            throw new KvmException("libvirt URI '" + uri + "' is not accepted; use one of the schemes " + SCHEMES
                    + ", e.g. qemu+tcp://HOST/system or qemu+ssh://root@HOST/system");
        }
        try {
            new URI(uri);
        } catch (URISyntaxException e) {
            throw new KvmException("libvirt URI '" + uri + "' does not parse (" + e.getReason()
                    + "); write it as SCHEME://[USER@]HOST[:PORT]/system");
        }
        return uri;
    }

    /** @param uri a libvirt URI @return whether it reaches this machine's libvirt without a network hop */
    public static boolean isLocal(String uri) {
        try {
            URI u = new URI(uri);
            String h = u.getHost();
            return h == null || h.isEmpty() || "localhost".equals(h) || h.startsWith("127.") || "[::1]".equals(h);
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static long number(Map<String, String> p, String name, long fallback, long min, long max) throws KvmException {
        String v = blankToNull(p.get(name));
        if (v == null) {
            return fallback;
        }
        try {
            long n = Long.parseLong(v.trim());
            if (n < min || n > max) {
                throw new KvmException(name + " must be in " + min + ".." + max + ", not " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new KvmException(name + " must be a whole number, not '" + v + "'");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
