package io.kumo.kvm.host;

import io.kumo.api.hypervisor.ConsoleEndpoint;
import io.kumo.api.hypervisor.HostConnection;
import io.kumo.api.hypervisor.HostFacts;
import io.kumo.api.hypervisor.HypervisorBackend;
import io.kumo.api.hypervisor.VmPowerState;
import io.kumo.api.hypervisor.VmSpec;
import io.kumo.api.operation.AddOperationSpec;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.kvm.domain.DomainOptions;
import io.kumo.kvm.domain.DomainXmlBuilder;
import io.kumo.kvm.event.EventSinks;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.DomainInfo;
import org.libvirt.Error;
import org.libvirt.LibvirtException;
import org.libvirt.NodeInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * The {@code KVM} hypervisor: hosts driven through libvirt (one connection per host, see {@link LibvirtConnections}),
 * VMs as libvirt domains named by the VM uuid, defined from {@link DomainXmlBuilder} at every start. Host settings are
 * the properties of {@link KvmHostSettings}.
 */
public class KvmHypervisorBackend implements HypervisorBackend, AutoCloseable {
    /** The hypervisor type. */
    public static final String TYPE = "KVM";
    private static final Logger LOG = LoggerFactory.getLogger(KvmHypervisorBackend.class);
    private static final Pattern VM_NAME = Pattern.compile("[0-9a-fA-F]{32}|[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");
    private static final long POLL_MS = 200;

    private static final AddOperationSpec ADD_OPERATION = new AddOperationSpec("AddKVMHost", "/hosts/kvm",
            "Add a KVM host reached through libvirt; by default over SSH (qemu+ssh://USERNAME@MANAGEMENT_IP:SSH_PORT/system)",
            List.of(
                    ParameterDescriptor.string("username").mandatory().range(1, 255)
                            .describedAs("the login on the host (SSH user, or SASL user for qemu+tcp/qemu+tls)"),
                    ParameterDescriptor.string("password").mandatory().maxLength(255).asSecret()
                            .describedAs("its password; never logged or returned"),
                    ParameterDescriptor.integer(KvmHostSettings.SSH_PORT).range(1, 65535).withDefault("22")
                            .describedAs("the SSH port of the host"),
                    ParameterDescriptor.string(KvmHostSettings.LIBVIRT_URI).maxLength(1024).matching(KvmHostSettings.URI_PATTERN)
                            .describedAs("the libvirt URI instead of the SSH default; schemes qemu, qemu+tcp, qemu+ssh, "
                                    + "qemu+tls, test, test+tcp (e.g. qemu+tcp://10.0.0.5/system)"),
                    ParameterDescriptor.string(KvmHostSettings.DOMAIN_TYPE).oneOf("qemu", "kvm", "auto").withDefault("qemu")
                            .describedAs("the libvirt domain type: qemu (emulation), kvm (needs a usable /dev/kvm), "
                                    + "auto (kvm when the host offers it)"),
                    ParameterDescriptor.string(KvmHostSettings.MACHINE).maxLength(64).matching("^[A-Za-z0-9._-]+$")
                            .describedAs("the machine type, e.g. pc or q35; libvirt's default if absent"),
                    ParameterDescriptor.integer(KvmHostSettings.MAX_VCPUS).range(1, 4096).withDefault("16")
                            .describedAs("vCPUs each VM is started with room for (live CPU change up to this)"),
                    ParameterDescriptor.longParam(KvmHostSettings.MAX_MEMORY).range(0, Long.MAX_VALUE).withDefault("0")
                            .describedAs("memory in bytes each VM is started with room for (live memory change up to "
                                    + "this); 0 for the VM's own memory"),
                    ParameterDescriptor.string(KvmHostSettings.VNC_LISTEN).maxLength(64)
                            .describedAs("the address VNC consoles listen on (default: the management IP)"),
                    ParameterDescriptor.integer(KvmHostSettings.STOP_TIMEOUT).range(0, 86400).withDefault("60")
                            .describedAs("seconds a graceful stop waits for the guest before powering it off"),
                    ParameterDescriptor.integer(KvmHostSettings.CONNECT_TIMEOUT).range(1, 3600).withDefault("30")
                            .describedAs("seconds to wait for libvirt when connecting or pinging"),
                    ParameterDescriptor.bool(KvmHostSettings.MIGRATE_UNSAFE).withDefault("true")
                            .describedAs("live-migrate even when libvirt cannot prove the disks are safely shared")));

    private final LibvirtConnections connections;
    private final EventSinks sinks;
    private final ExecutorService pings;
    /** What each host said at its last connect: architecture and whether it offers kvm domains. */
    private final Map<String, HostTraits> traits = new ConcurrentHashMap<>();

    private record HostTraits(String arch, boolean kvm) { }

    /** @param sinks where events go */
    public KvmHypervisorBackend(EventSinks sinks) {
        this.sinks = sinks;
        this.connections = new LibvirtConnections(sinks);
        AtomicInteger n = new AtomicInteger();
        this.pings = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "kumo-kvm-ping-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** @param sinks the kernel's event sinks (a Blueprint reference-list, possibly empty) */
    public KvmHypervisorBackend(List<io.kumo.api.hypervisor.HypervisorEventSink> sinks) {
        this(new EventSinks(sinks));
    }

    @Override public String hypervisorType() { return TYPE; }

    @Override public AddOperationSpec addOperation() { return ADD_OPERATION; }

    /** @param name a domain name @return whether it names a Kumo VM (a uuid) */
    public static boolean isVmName(String name) {
        return name != null && VM_NAME.matcher(name).matches();
    }

    /** @return the connections, for tests */
    LibvirtConnections connections() {
        return connections;
    }

    @Override
    public HostFacts connect(HostConnection host) throws KvmException {
        KvmHostSettings settings = KvmHostSettings.of(host);
        Connect c = connections.get(host);
        try {
            return facts(host, settings, c);
        } catch (LibvirtException stale) {  // a connection that died unnoticed: once more on a fresh one
            LOG.info("connection to host {} is stale ({}); reconnecting", host.hostUuid(), stale.getMessage());
            connections.forget(host.hostUuid());
            c = connections.get(host);
            try {
                return facts(host, settings, c);
            } catch (LibvirtException e) {
                throw LibvirtConnections.explain("reading the facts of host " + host.hostUuid(), settings.uri(), e);
            }
        }
    }

    private HostFacts facts(HostConnection host, KvmHostSettings settings, Connect c) throws LibvirtException {
        NodeInfo node = c.nodeInfo();
        String caps = c.getCapabilities();
        Document doc = parse(caps);
        String arch = xpath(doc, "/capabilities/host/cpu/arch");
        String model = xpath(doc, "/capabilities/host/cpu/model");
        if (arch.isEmpty()) {
            arch = node.model;
        }
        if (model.isEmpty()) {
            model = node.model;
        }

        boolean kvm = !xpath(doc, "/capabilities/guest[arch/@name='" + arch + "']/arch/domain[@type='kvm']/@type").isEmpty();
        traits.put(host.hostUuid(), new HostTraits(arch, kvm));
        int sockets = Math.max(1, node.sockets * Math.max(1, node.nodes));
        // the test driver stands in for an x86_64 host in tests; its own (fixed) host architecture is i686
        String reported = settings.uri().startsWith("test") ? "x86_64" : arch;
        return new HostFacts(node.cpus, sockets, model, reported, node.memory * 1024L);
    }

    @Override
    public CompletionStage<Boolean> ping(HostConnection host) {
        long timeout;
        try {
            timeout = KvmHostSettings.of(host).connectTimeout().toMillis();
        } catch (KvmException e) {
            return CompletableFuture.failedFuture(e);
        }
        return CompletableFuture.supplyAsync(() -> {
            try {
                Connect c = connections.get(host);
                c.getLibVersion();  // a round trip on remote connections
                return c.isAlive();
            } catch (KvmException | LibvirtException e) {
                throw new CompletionException(e);
            }
        }, pings).orTimeout(timeout, TimeUnit.MILLISECONDS);
    }

    @Override
    public void disconnect(HostConnection host) {
        connections.forget(host.hostUuid());
        traits.remove(host.hostUuid());
    }

    /** @param host a host @return the domain options of its VMs @throws KvmException if its settings are invalid */
    DomainOptions options(HostConnection host) throws KvmException {
        KvmHostSettings s = KvmHostSettings.of(host);
        DomainOptions o = s.domain();
        HostTraits t = traits.get(host.hostUuid());
        String type = o.domainType();
        if (s.uri().startsWith("test")) {
            type = "test";  // the test driver only runs domains of its own type
        } else if (s.autoDomainType()) {
            type = t != null && t.kvm() ? "kvm" : "qemu";
        }
        return new DomainOptions(type, t == null ? o.arch() : t.arch(), o.machine(), o.maxVcpus(), o.maxMemory(),
                o.vncListen());
    }

    @Override
    public void startVm(HostConnection host, VmSpec vm) throws KvmException {
        Connect c = connections.get(host);
        String xml;
        try {
            xml = DomainXmlBuilder.domain(vm, options(host));
        } catch (IllegalArgumentException e) {
            throw new KvmException("cannot start VM " + vm.vmUuid() + ": " + e.getMessage(), e);
        }
        try {
            Domain d = lookup(c, vm.vmUuid());
            if (d != null && d.isActive() == 1) {
                VmPowerState state = state(d);
                if (state == VmPowerState.Paused) {
                    throw new KvmException("VM " + vm.vmUuid() + " is paused on host " + host.hostUuid() + "; resume it instead");
                }
                return;  // already running
            }
            connections.expect(host.hostUuid(), vm.vmUuid(), VmPowerState.Running);
            d = c.domainDefineXML(xml);
            d.create();
            LOG.info("started VM {} on host {}", vm.vmUuid(), host.hostUuid());
        } catch (LibvirtException e) {
            connections.unexpect(host.hostUuid(), vm.vmUuid());
            throw fail("starting VM " + vm.vmUuid(), host, e);
        }
    }

    /** Stops the domain, then undefines it: a stopped VM leaves nothing on its host, its next start may be elsewhere. */
    @Override
    public void stopVm(HostConnection host, VmSpec vm, boolean force) throws KvmException {
        powerOff(host, vm, force);
        destroyVm(host, vm);
    }

    /** Shuts the domain down (ACPI, then destroy after the host's stop timeout) or destroys it at once. */
    private void powerOff(HostConnection host, VmSpec vm, boolean force) throws KvmException {
        Connect c = connections.get(host);
        KvmHostSettings settings = KvmHostSettings.of(host);
        try {
            Domain d = lookup(c, vm.vmUuid());
            if (d == null || d.isActive() != 1) {
                return;
            }
            connections.expect(host.hostUuid(), vm.vmUuid(), VmPowerState.Stopped);
            if (!force && state(d) == VmPowerState.Running) {
                d.shutdown();
                long deadline = System.nanoTime() + settings.stopTimeout().toNanos();
                while (d.isActive() == 1 && System.nanoTime() < deadline) {
                    sleep();
                }
                if (d.isActive() != 1) {
                    return;
                }
                LOG.info("VM {} did not shut down within {} s; powering it off", vm.vmUuid(), settings.stopTimeout().toSeconds());
            }
            destroyQuietly(d);
        } catch (LibvirtException e) {
            throw fail("stopping VM " + vm.vmUuid(), host, e);
        }
    }

    /** Destroys a domain; quiet if it stopped meanwhile. */
    private static void destroyQuietly(Domain d) throws LibvirtException {
        try {
            d.destroy();
        } catch (LibvirtException e) {
            if (d.isActive() == 1) {
                throw e;
            }
        }
    }

    /** Reboots as ZStack does: a graceful stop (powered off after the timeout), then a start from the current spec. */
    @Override
    public void rebootVm(HostConnection host, VmSpec vm) throws KvmException {
        VmPowerState state = stateOf(host, vm.vmUuid());
        if (state != VmPowerState.Running) {
            throw new KvmException("VM " + vm.vmUuid() + " is " + state + " on host " + host.hostUuid()
                    + ", not Running; start it instead");
        }
        stopVm(host, vm, false);
        startVm(host, vm);
    }

    @Override
    public void pauseVm(HostConnection host, VmSpec vm) throws KvmException {
        Domain d = require(host, vm, "pause");
        try {
            if (state(d) != VmPowerState.Paused) {
                connections.expect(host.hostUuid(), vm.vmUuid(), VmPowerState.Paused);
                d.suspend();
            }
        } catch (LibvirtException e) {
            throw fail("pausing VM " + vm.vmUuid(), host, e);
        }
    }

    @Override
    public void resumeVm(HostConnection host, VmSpec vm) throws KvmException {
        Domain d = require(host, vm, "resume");
        try {
            if (state(d) == VmPowerState.Paused) {
                connections.expect(host.hostUuid(), vm.vmUuid(), VmPowerState.Running);
                d.resume();
            }
        } catch (LibvirtException e) {
            throw fail("resuming VM " + vm.vmUuid(), host, e);
        }
    }

    /**
     * The domain's XML for the target: its VNC console listens on the target's address (the source's cannot be bound
     * there). Includes the console password (secure XML), which never leaves libvirt's connection.
     */
    private static String graphicsListeningOn(Domain d, HostConnection source, HostConnection target)
            throws LibvirtException, KvmException {
        String from = KvmHostSettings.of(source).domain().vncListen();
        String to = KvmHostSettings.of(target).domain().vncListen();
        String xml = d.getXMLDesc(1 | 8); // VIR_DOMAIN_XML_SECURE | VIR_DOMAIN_XML_MIGRATABLE
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<graphics\\b.*?</graphics>", java.util.regex.Pattern.DOTALL)
                .matcher(xml);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(m.group().replace("'" + from + "'", "'" + to + "'")));
        }
        m.appendTail(out);
        return out.toString();
    }

    @Override
    public void migrateVm(HostConnection source, HostConnection target, VmSpec vm) throws KvmException {
        Connect dst = connections.get(target);
        Domain d = require(source, vm, "migrate");
        long flags = Domain.MigrateFlags.LIVE | Domain.MigrateFlags.PERSIST_DEST | Domain.MigrateFlags.UNDEFINE_SOURCE;
        if (KvmHostSettings.of(source).migrateUnsafe()) {
            flags |= Domain.MigrateFlags.UNSAFE;
        }
        String ip = target.managementIp();
        String migrateUri = ip == null ? null : "tcp://" + (ip.contains(":") && !ip.startsWith("[") ? "[" + ip + "]" : ip);
        connections.expect(source.hostUuid(), vm.vmUuid(), VmPowerState.Absent);
        try {
            Domain moved = d.migrate(dst, flags, graphicsListeningOn(d, source, target), null, migrateUri, 0);
            LOG.info("migrated VM {} from host {} to host {}", vm.vmUuid(), source.hostUuid(), target.hostUuid());
            if (moved != null) {
                moved.free();
            }
        } catch (LibvirtException e) {
            connections.unexpect(source.hostUuid(), vm.vmUuid());
            connections.unexpect(target.hostUuid(), vm.vmUuid());
            throw fail("live-migrating VM " + vm.vmUuid() + " to host " + target.hostUuid() + " (" + migrateUri
                    + "; the VM stays on the source)", source, e);
        }
    }

    @Override
    public void destroyVm(HostConnection host, VmSpec vm) throws KvmException {
        Connect c = connections.get(host);
        try {
            Domain d = lookup(c, vm.vmUuid());
            if (d == null) {
                return;
            }
            if (d.isActive() == 1) {
                connections.expect(host.hostUuid(), vm.vmUuid(), VmPowerState.Stopped);
                destroyQuietly(d);
            }
            connections.expect(host.hostUuid(), vm.vmUuid(), VmPowerState.Absent);
            try {
                d.undefine(Domain.UndefineFlags.MANAGED_SAVE | Domain.UndefineFlags.SNAPSHOTS_METADATA);
            } catch (LibvirtException e) {
                if (code(e) == Error.ErrorNumber.VIR_ERR_NO_DOMAIN) {
                    return;
                }
                d.undefine();
            }
        } catch (LibvirtException e) {
            if (code(e) == Error.ErrorNumber.VIR_ERR_NO_DOMAIN) {
                return;
            }
            throw fail("destroying VM " + vm.vmUuid(), host, e);
        }
    }

    @Override
    public Map<String, VmPowerState> vmStates(HostConnection host) throws KvmException {
        Connect c = connections.get(host);
        try {
            Map<String, VmPowerState> states = new LinkedHashMap<>();
            for (Domain d : c.listAllDomains(0)) {
                String name = d.getName();
                if (isVmName(name)) {
                    VmPowerState s = state(d);
                    if (s != VmPowerState.Absent) {
                        states.put(name, s);
                    }
                }
            }
            return states;
        } catch (LibvirtException e) {
            throw fail("listing the VMs", host, e);
        }
    }

    private VmPowerState stateOf(HostConnection host, String vmUuid) throws KvmException {
        try {
            Domain d = lookup(connections.get(host), vmUuid);
            return d == null ? VmPowerState.Absent : state(d);
        } catch (LibvirtException e) {
            throw fail("reading the state of VM " + vmUuid, host, e);
        }
    }

    @Override
    public void attachVolume(HostConnection host, VmSpec vm, VmSpec.Disk disk) throws KvmException {
        Domain d = require(host, vm, "attach a volume to");
        try {
            if (VmSpec.BUS_SCSI.equals(disk.bus()) && !d.getXMLDesc(0).contains("model='virtio-scsi'")) {
                d.attachDeviceFlags("<controller type='scsi' model='virtio-scsi'/>", liveAndConfig());
            }
            d.attachDeviceFlags(DomainXmlBuilder.disk(disk), liveAndConfig());
        } catch (LibvirtException | IllegalArgumentException e) {
            throw fail("attaching volume " + disk.volumeUuid() + " to VM " + vm.vmUuid(), host, e);
        }
    }

    @Override
    public void detachVolume(HostConnection host, VmSpec vm, VmSpec.Disk disk) throws KvmException {
        Domain d = require(host, vm, "detach a volume from");
        try {
            d.detachDeviceFlags(DomainXmlBuilder.disk(disk), liveAndConfig());
        } catch (LibvirtException | IllegalArgumentException e) {
            throw fail("detaching volume " + disk.volumeUuid() + " from VM " + vm.vmUuid(), host, e);
        }
    }

    @Override
    public void attachNic(HostConnection host, VmSpec vm, VmSpec.Nic nic) throws KvmException {
        Domain d = require(host, vm, "attach a NIC to");
        try {
            d.attachDeviceFlags(DomainXmlBuilder.nic(nic), liveAndConfig());
        } catch (LibvirtException | IllegalArgumentException e) {
            throw fail("attaching NIC " + nic.nicUuid() + " to VM " + vm.vmUuid(), host, e);
        }
    }

    @Override
    public void detachNic(HostConnection host, VmSpec vm, VmSpec.Nic nic) throws KvmException {
        Domain d = require(host, vm, "detach a NIC from");
        try {
            d.detachDeviceFlags(DomainXmlBuilder.nic(nic), liveAndConfig());
        } catch (LibvirtException | IllegalArgumentException e) {
            throw fail("detaching NIC " + nic.nicUuid() + " from VM " + vm.vmUuid(), host, e);
        }
    }

    @Override
    public void changeCdrom(HostConnection host, VmSpec vm, VmSpec.Cdrom cdrom) throws KvmException {
        Domain d = require(host, vm, "change the CD-ROM of");
        try {
            d.updateDeviceFlags(DomainXmlBuilder.cdrom(cdrom, options(host)),
                    liveAndConfig() | Domain.DeviceModifyFlags.FORCE);
        } catch (LibvirtException e) {
            throw fail("changing CD-ROM " + cdrom.deviceId() + " of VM " + vm.vmUuid(), host, e);
        }
    }

    @Override
    public void changeCpuMemory(HostConnection host, VmSpec vm, int cpuNum, long memory) throws KvmException {
        Domain d = require(host, vm, "change CPU or memory of");
        try {
            int maxVcpus = d.getMaxVcpus();
            if (cpuNum > maxVcpus) {
                throw new Unsupported("changing VM " + vm.vmUuid() + " to " + cpuNum + " vCPUs while it runs: it was "
                        + "started with room for " + maxVcpus + "; stop the VM to change beyond " + maxVcpus + " vCPUs");
            }
            long maxKiB = d.getMaxMemory();
            long kib = (memory + 1023) / 1024;
            if (kib > maxKiB) {
                throw new Unsupported("changing VM " + vm.vmUuid() + " to " + memory + " bytes of memory while it runs: "
                        + "it was started with room for " + maxKiB * 1024 + " bytes; stop the VM to change beyond that");
            }
            DomainInfo info = d.getInfo();
            if (info.nrVirtCpu != cpuNum) {
                d.setVcpusFlags(cpuNum, Domain.VcpuFlags.LIVE);
            }
            if (info.memory != kib) {
                d.setMemory(kib);
            }
        } catch (LibvirtException e) {
            throw fail("changing CPU and memory of VM " + vm.vmUuid(), host, e);
        }
    }

    @Override
    public ConsoleEndpoint consoleEndpoint(HostConnection host, VmSpec vm) throws KvmException {
        Domain d = require(host, vm, "open the console of");
        try {
            Document doc = parse(d.getXMLDesc(0));
            String port = xpath(doc, "/domain/devices/graphics[@type='vnc']/@port");
            int p = port.isEmpty() ? -1 : Integer.parseInt(port);
            if (p <= 0) {
                throw new KvmException("VM " + vm.vmUuid() + " on host " + host.hostUuid()
                        + " has no VNC port yet; check that it runs with a VNC console");
            }
            String uri = KvmHostSettings.of(host).uri();
            String hostname = KvmHostSettings.isLocal(uri) ? "127.0.0.1" : host.managementIp();
            return new ConsoleEndpoint("vnc", hostname, p);
        } catch (LibvirtException e) {
            throw fail("reading the console of VM " + vm.vmUuid(), host, e);
        } catch (NumberFormatException e) {
            throw new KvmException("VM " + vm.vmUuid() + " has an unreadable VNC port", e);
        }
    }

    /** @return a running or paused domain, or an error saying the VM must run */
    private Domain require(HostConnection host, VmSpec vm, String what) throws KvmException {
        try {
            Domain d = lookup(connections.get(host), vm.vmUuid());
            if (d == null || d.isActive() != 1) {
                throw new KvmException("cannot " + what + " VM " + vm.vmUuid() + ": it does not run on host "
                        + host.hostUuid() + "; start it first");
            }
            return d;
        } catch (LibvirtException e) {
            throw fail("looking up VM " + vm.vmUuid(), host, e);
        }
    }

    private static int liveAndConfig() {
        return Domain.DeviceModifyFlags.LIVE | Domain.DeviceModifyFlags.CONFIG;
    }

    /** @return the domain named so, or null if none */
    static Domain lookup(Connect c, String name) throws LibvirtException {
        try {
            return c.domainLookupByName(name);
        } catch (LibvirtException e) {
            if (code(e) == Error.ErrorNumber.VIR_ERR_NO_DOMAIN) {
                return null;
            }
            throw e;
        }
    }

    /** @param d a domain @return its Kumo power state */
    static VmPowerState state(Domain d) throws LibvirtException {
        DomainInfo.DomainState s = d.getInfo().state;
        return switch (s) {
            case VIR_DOMAIN_RUNNING, VIR_DOMAIN_BLOCKED, VIR_DOMAIN_SHUTDOWN -> VmPowerState.Running;
            case VIR_DOMAIN_PAUSED, VIR_DOMAIN_PMSUSPENDED -> VmPowerState.Paused;
            case VIR_DOMAIN_SHUTOFF, VIR_DOMAIN_CRASHED, VIR_DOMAIN_NOSTATE -> VmPowerState.Stopped;
        };
    }

    private static Error.ErrorNumber code(LibvirtException e) {
        return e.getError() == null ? null : e.getError().getCode();
    }

    private KvmException fail(String what, HostConnection host, Exception e) {
        String uri;
        try {
            uri = KvmHostSettings.uri(host);
        } catch (KvmException bad) {
            return bad;
        }
        if (e instanceof LibvirtException le) {
            Error.ErrorNumber code = code(le);
            if (code == Error.ErrorNumber.VIR_ERR_NO_CONNECT || code == Error.ErrorNumber.VIR_ERR_RPC
                    || !alive(host.hostUuid())) {
                connections.forget(host.hostUuid());  // reconnect next time
                return LibvirtConnections.explain(what + " on host " + host.hostUuid(), uri, e);
            }
            String m = le.getError() == null ? le.getMessage() : le.getError().getMessage();
            return new KvmException(what + " on host " + host.hostUuid() + " failed: " + (m == null ? e : m.trim()), e);
        }
        return new KvmException(what + " on host " + host.hostUuid() + " failed: " + e.getMessage(), e);
    }

    private boolean alive(String hostUuid) {
        Connect c = connections.current(hostUuid);
        try {
            return c != null && c.isAlive();
        } catch (LibvirtException e) {
            return false;
        }
    }

    private static void sleep() throws KvmException {
        try {
            Thread.sleep(POLL_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KvmException("interrupted while waiting for the guest to shut down");
        }
    }

    static Document parse(String xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (Exception e) {
            throw new IllegalStateException("libvirt returned unreadable XML: " + e.getMessage(), e);
        }
    }

    static String xpath(Document doc, String expression) {
        try {
            String v = (String) XPathFactory.newInstance().newXPath().evaluate(expression, doc, XPathConstants.STRING);
            return v == null ? "" : v.trim();
        } catch (XPathExpressionException e) {
            throw new IllegalArgumentException(expression, e);
        }
    }

    /** Closes every connection, stops the ping threads and libvirt's event loop. */
    @Override
    public void close() {
        connections.close();
        pings.shutdownNow();
        io.kumo.kvm.event.LibvirtEventLoop.stop();
    }
}
