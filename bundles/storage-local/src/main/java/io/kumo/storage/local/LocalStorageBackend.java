package io.kumo.storage.local;

import io.kumo.api.host.HostInventory;
import io.kumo.api.host.HostService;
import io.kumo.api.hypervisor.HostConnection;
import io.kumo.api.image.ImageInventory;
import io.kumo.api.operation.AddOperationSpec;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.storage.PrimaryStorageBackend;
import io.kumo.api.storage.PrimaryStorageInventory;
import io.kumo.api.storage.SnapshotInstantiation;
import io.kumo.api.storage.StorageCapacity;
import io.kumo.api.storage.VolumeInstantiation;
import io.kumo.storage.qemuimg.CommandRunner;
import io.kumo.storage.qemuimg.ImageExporter;
import io.kumo.storage.qemuimg.ImageInfo;
import io.kumo.storage.qemuimg.LocalCommandRunner;
import io.kumo.storage.qemuimg.QemuImg;
import io.kumo.storage.qemuimg.SafePaths;
import io.kumo.storage.qemuimg.SshCommandRunner;
import io.kumo.storage.qemuimg.StorageException;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The {@code LocalStorage} type (ZStack's local primary storage): a directory ({@code url}) on each host of the
 * attached clusters, laid out as
 * <pre>
 *   imagecache/&lt;imageUuid&gt;.&lt;format&gt;   images cached from backup storage
 *   rootVolumes/&lt;volumeUuid&gt;.qcow2      qcow2 overlays backed by a cached image
 *   dataVolumes/&lt;volumeUuid&gt;.qcow2      empty qcow2 volumes
 *   isocache/&lt;imageUuid&gt;.&lt;format&gt;     images cached for CD-ROMs
 * </pre>
 * Snapshots are qcow2 internal snapshots named by their uuid ({@code <volume path>#<snapshotUuid>}). Every image
 * operation is {@code qemu-img}, run on the host over ssh or, with {@code hostAccess=local}, on the management node.
 */
public class LocalStorageBackend implements PrimaryStorageBackend {
    /** The storage type. */
    public static final String TYPE = "LocalStorage";
    /** Marks a directory added with hostAccess=local, so that the mode is known after a restart. */
    static final String LOCAL_MARKER = ".kumo-host-access-local";
    static final String IMAGE_CACHE = "imagecache";
    static final String ROOT_VOLUMES = "rootVolumes";
    static final String DATA_VOLUMES = "dataVolumes";
    static final String ISO_CACHE = "isocache";

    private static final AddOperationSpec ADD_OPERATION = new AddOperationSpec("AddLocalPrimaryStorage",
            "/primary-storage/local-storage", "Add local primary storage: the directory url on each host of the"
            + " clusters it is attached to keeps the volumes of the VMs of that host",
            List.of(ParameterDescriptor.string(HostAccess.PARAMETER).oneOf("ssh", "local").withDefault("ssh")
                    .describedAs("how the management node reaches each host's directory: ssh (key-based login as the"
                            + " host's username) or local (the management node sees every host's directory at the"
                            + " same path: all-in-one node, or a shared filesystem)")));

    private final Function<HostConnection, CommandRunner> sshRunners;
    private final CommandRunner local = new LocalCommandRunner();
    private final Supplier<HostService> hosts;
    private final ImageCache cache;
    private final Map<String, HostAccess> accessByStorage = new ConcurrentHashMap<>();

    /**
     * @param exporters the image exporters registered now (may be empty)
     * @param hosts     the kernel's hosts, to find every host of the attached clusters (may be null)
     */
    public LocalStorageBackend(List<ImageExporter> exporters, HostService hosts) {
        this(LocalStorageBackend::ssh, () -> exporters == null ? List.of() : new ArrayList<>(exporters), () -> hosts);
    }

    LocalStorageBackend(Function<HostConnection, CommandRunner> sshRunners, Supplier<List<ImageExporter>> exporters,
                        Supplier<HostService> hosts) {
        this.sshRunners = sshRunners;
        this.hosts = hosts;
        this.cache = new ImageCache(exporters);
    }

    /** @param host a host @return commands over ssh to it, on its {@code sshPort} property (default 22) */
    static CommandRunner ssh(HostConnection host) {
        String port = host.properties().getOrDefault("sshPort", "22");
        return new SshCommandRunner(host.username(), host.managementIp(), Integer.parseInt(port));
    }

    ImageCache cache() {
        return cache;
    }

    @Override public String type() { return TYPE; }

    @Override public AddOperationSpec addOperation() { return ADD_OPERATION; }

    private static String root(PrimaryStorageInventory storage) {
        return SafePaths.absolute(storage.url(), "the local storage url");
    }

    private HostAccess access(PrimaryStorageInventory storage) {
        return accessByStorage.computeIfAbsent(storage.uuid(),
                u -> Files.exists(Path.of(root(storage), LOCAL_MARKER)) ? HostAccess.LOCAL : HostAccess.SSH);
    }

    private CommandRunner runner(PrimaryStorageInventory storage, HostConnection host) throws StorageException {
        if (access(storage) == HostAccess.LOCAL) {
            return host == null ? local : new LocalCommandRunner("host " + host.managementIp() + " (seen from the management node)");
        }
        if (host == null) {
            throw new StorageException("local storage " + storage.uuid() + " needs to know the host of this volume");
        }
        return sshRunners.apply(host);
    }

    private static String lockKey(HostAccess access, HostConnection host) {
        return access == HostAccess.LOCAL || host == null ? "local" : host.hostUuid();
    }

    @Override
    public StorageCapacity connect(PrimaryStorageInventory storage, Map<String, String> properties) throws Exception {
        String dir = root(storage);
        HostAccess access;
        try {
            access = HostAccess.of(properties.get(HostAccess.PARAMETER));
        } catch (IllegalArgumentException e) {
            throw new StorageException("hostAccess must be ssh or local, not " + properties.get(HostAccess.PARAMETER));
        }
        accessByStorage.put(storage.uuid(), access);
        if (access == HostAccess.SSH) {
            // each host's directory is measured when the host connects (connectHost)
            return new StorageCapacity(0, 0);
        }
        Path path = Path.of(dir);
        try {
            Files.createDirectories(path);
            Files.writeString(path.resolve(LOCAL_MARKER), "hostAccess=local\n");
        } catch (IOException e) {
            throw new StorageException("cannot create the local storage directory " + dir + " on the management node ("
                    + e + "): create it and give the management node's user write access", e);
        }
        FileStore fs = Files.getFileStore(path);
        long total = fs.getTotalSpace();
        return new StorageCapacity(total, Math.min(total, fs.getUsableSpace()));
    }

    @Override
    public StorageCapacity connectHost(PrimaryStorageInventory storage, HostConnection host,
                                       Map<String, String> properties) throws Exception {
        if (properties != null && properties.containsKey(HostAccess.PARAMETER)) {
            accessByStorage.put(storage.uuid(), HostAccess.of(properties.get(HostAccess.PARAMETER)));
        }
        CommandRunner runner = runner(storage, host);
        String dir = root(storage);
        runner.check(List.of("mkdir", "-p", dir));
        return DiskFree.of(runner, dir);
    }

    @Override
    public VolumeInstantiation createRootVolume(PrimaryStorageInventory storage, HostConnection host, String volumeUuid,
                                                ImageInventory image, String imageInstallPath) throws Exception {
        CommandRunner runner = runner(storage, host);
        QemuImg qemu = new QemuImg(runner);
        String dir = root(storage);
        String cached = cache.ensure(runner, access(storage), lockKey(access(storage), host), dir + "/" + IMAGE_CACHE,
                image, imageInstallPath);
        ImageInfo base = qemu.info(cached);
        String backingFormat = "iso".equals(image.format()) ? "raw" : base.format();
        if (!QemuImg.FORMATS.contains(backingFormat)) {
            throw new StorageException("image " + image.uuid() + " is in " + base.format() + " format: convert it to"
                    + " qcow2 and add it again");
        }
        String path = volumePath(dir, ROOT_VOLUMES, volumeUuid);
        runner.check(List.of("mkdir", "-p", dir + "/" + ROOT_VOLUMES));
        try {
            qemu.createOverlay(path, cached, backingFormat, 0);
            ImageInfo made = qemu.info(path);
            return new VolumeInstantiation(path, made.virtualSize(), made.actualSize(), "qcow2");
        } catch (Exception e) {
            removeQuietly(runner, path);
            throw e;
        }
    }

    @Override
    public VolumeInstantiation createDataVolume(PrimaryStorageInventory storage, HostConnection host, String volumeUuid,
                                                long size) throws Exception {
        if (size <= 0) {
            throw new StorageException("a data volume needs a size > 0 bytes, not " + size);
        }
        CommandRunner runner = runner(storage, host);
        QemuImg qemu = new QemuImg(runner);
        String dir = root(storage);
        String path = volumePath(dir, DATA_VOLUMES, volumeUuid);
        runner.check(List.of("mkdir", "-p", dir + "/" + DATA_VOLUMES));
        try {
            qemu.create(path, "qcow2", size);
            ImageInfo made = qemu.info(path);
            return new VolumeInstantiation(path, made.virtualSize(), made.actualSize(), "qcow2");
        } catch (Exception e) {
            removeQuietly(runner, path);
            throw e;
        }
    }

    private static String volumePath(String dir, String kind, String volumeUuid) {
        return dir + "/" + kind + "/" + SafePaths.name(volumeUuid) + ".qcow2";
    }

    private static void removeQuietly(CommandRunner runner, String path) {
        try {
            runner.run(List.of("rm", "-f", path), null, CommandRunner.DEFAULT_TIMEOUT);
        } catch (StorageException ignored) {
            // the original failure is reported
        }
    }

    /** @return the volume path, checked to be a volume file of this storage */
    private static String volume(PrimaryStorageInventory storage, String installPath) {
        String dir = root(storage);
        String path = installPath.contains("#") ? installPath.substring(0, installPath.indexOf('#')) : installPath;
        String p = SafePaths.absolute(path, "volume install path");
        if (!p.startsWith(dir + "/" + ROOT_VOLUMES + "/") && !p.startsWith(dir + "/" + DATA_VOLUMES + "/")) {
            throw new IllegalArgumentException("volume install path " + installPath + " is not a volume of local storage "
                    + dir + " (" + ROOT_VOLUMES + "/ or " + DATA_VOLUMES + "/)");
        }
        return p;
    }

    @Override
    public void deleteVolume(PrimaryStorageInventory storage, HostConnection host, String installPath) throws Exception {
        String path = volume(storage, installPath);
        List<String> failures = new ArrayList<>();
        for (CommandRunner runner : runnersHolding(storage, host)) {
            try {
                runner.check(List.of("rm", "-f", path));
            } catch (StorageException e) {
                failures.add(e.getMessage());
            }
        }
        if (!failures.isEmpty()) {
            throw new StorageException("cannot delete volume " + path + ": " + String.join("; ", failures));
        }
    }

    /**
     * @return where a volume may be: its host when known, the management node with hostAccess=local, else every
     *         connected host of the attached clusters (volume paths are unique, so removing on each is safe)
     */
    private List<CommandRunner> runnersHolding(PrimaryStorageInventory storage, HostConnection host) throws StorageException {
        if (host != null || access(storage) == HostAccess.LOCAL) {
            return List.of(runner(storage, host));
        }
        HostService hostService = hosts.get();
        if (hostService == null) {
            throw new StorageException("local storage " + storage.uuid() + " cannot tell which host holds the volume:"
                    + " the kernel's host service is not available");
        }
        List<String> clusters = storage.attachedClusterUuids() == null ? List.of() : storage.attachedClusterUuids();
        List<CommandRunner> runners = new ArrayList<>();
        for (HostInventory h : hostService.all()) {
            if (clusters.contains(h.clusterUuid()) && "Connected".equals(h.status())) {
                hostService.connection(h.uuid()).ifPresent(c -> runners.add(sshRunners.apply(c)));
            }
        }
        return runners;
    }

    @Override
    public String cacheImage(PrimaryStorageInventory storage, HostConnection host, ImageInventory image,
                             String imageInstallPath) throws Exception {
        CommandRunner runner = runner(storage, host);
        return cache.ensure(runner, access(storage), lockKey(access(storage), host), root(storage) + "/" + ISO_CACHE,
                image, imageInstallPath);
    }

    @Override
    public VolumeInstantiation resizeVolume(PrimaryStorageInventory storage, HostConnection host, String installPath,
                                            long size) throws Exception {
        String path = volume(storage, installPath);
        QemuImg qemu = new QemuImg(runner(storage, host));
        qemu.resize(path, size);
        ImageInfo now = qemu.info(path);
        return new VolumeInstantiation(path, now.virtualSize(), now.actualSize(), now.format());
    }

    @Override
    public SnapshotInstantiation createSnapshot(PrimaryStorageInventory storage, HostConnection host, String installPath,
                                                String snapshotUuid) throws Exception {
        String path = volume(storage, installPath);
        QemuImg qemu = new QemuImg(runner(storage, host));
        long before = qemu.info(path).actualSize();
        qemu.snapshotCreate(path, SafePaths.name(snapshotUuid));
        long after = qemu.info(path).actualSize();
        return new SnapshotInstantiation(path + "#" + snapshotUuid, Math.max(0, after - before));
    }

    @Override
    public void revertSnapshot(PrimaryStorageInventory storage, HostConnection host, String installPath,
                               String snapshotInstallPath) throws Exception {
        String path = volume(storage, installPath);
        QemuImg qemu = new QemuImg(runner(storage, host));
        qemu.snapshotApply(path, snapshotName(path, snapshotInstallPath));
    }

    @Override
    public void deleteSnapshot(PrimaryStorageInventory storage, HostConnection host, String installPath,
                               String snapshotInstallPath) throws Exception {
        String path = volume(storage, installPath);
        CommandRunner runner = runner(storage, host);
        String name = snapshotName(path, snapshotInstallPath);
        if (!runner.run(List.of("test", "-f", path), null, CommandRunner.DEFAULT_TIMEOUT).ok()) {
            return;
        }
        QemuImg qemu = new QemuImg(runner);
        if (qemu.info(path).snapshots().contains(name)) {
            qemu.snapshotDelete(path, name);
        }
    }

    private static String snapshotName(String volumePath, String snapshotInstallPath) {
        int hash = snapshotInstallPath.indexOf('#');
        if (hash < 0 || !snapshotInstallPath.substring(0, hash).equals(volumePath)) {
            throw new IllegalArgumentException("snapshot " + snapshotInstallPath + " is not a snapshot of volume " + volumePath);
        }
        return SafePaths.name(snapshotInstallPath.substring(hash + 1));
    }
}
