package io.kumo.compute.vm;

import io.kumo.api.operation.AccessLevel;
import io.kumo.api.cluster.ClusterService;
import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.event.EventPublisher;
import io.kumo.api.event.EventType;
import io.kumo.api.event.ResourceEvent;
import io.kumo.api.host.HostInventory;
import io.kumo.api.hypervisor.HostConnection;
import io.kumo.api.image.ImageBackupStorageRefInventory;
import io.kumo.api.image.ImageInventory;
import io.kumo.api.image.ImageService;
import io.kumo.api.job.Flow;
import io.kumo.api.job.StepContext;
import io.kumo.api.network.L3NetworkInventory;
import io.kumo.api.offering.DiskOfferingInventory;
import io.kumo.api.offering.HostAllocatorStrategy;
import io.kumo.api.offering.InstanceOfferingInventory;
import io.kumo.api.offering.OfferingService;
import io.kumo.api.operation.AsyncOperation;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.storage.PrimaryStorageBackend;
import io.kumo.api.storage.PrimaryStorageInventory;
import io.kumo.api.storage.VolumeInstantiation;
import io.kumo.api.tag.TagType;
import io.kumo.api.vm.VmInstanceInventory;
import io.kumo.api.vm.VolumeInventory;
import io.kumo.api.zone.ZoneService;
import io.kumo.compute.placement.HostOrdering;
import io.kumo.compute.placement.Placement;
import io.kumo.compute.placement.PlacementRequest;
import io.kumo.compute.volume.VolumeEntity;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code POST /vm-instances}: creates a VM. Steps, each undone exactly on failure: persist-vm, allocate-host,
 * allocate-primary-storage, allocate-nics, create-root-volume, create-data-volumes, start-on-hypervisor, announce.
 * With {@code strategy=CreateStopped} no host capacity is reserved and the VM is not started (its volumes are created
 * on storage reachable from a fitting cluster).
 */
public class CreateVmInstanceOperation implements AsyncOperation {
    /** The system tag giving a NIC a static address: {@code staticIp::<l3NetworkUuid>::<ip>}. */
    public static final String STATIC_IP_PREFIX = "staticIp::";
    private static final String INSTANT_START = "InstantStart";
    private static final String CREATE_STOPPED = "CreateStopped";

    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("CreateVmInstance")
            .description("Create a VM instance from an image and an instance offering, on L3 networks")
            .kind(OperationKind.CREATE).resourceType(VmInstanceInventory.RESOURCE_TYPE).access(AccessLevel.TENANT).inventoryType(VmInstanceInventory.class)
            .param(ParameterDescriptor.string("name").mandatory().range(1, 255).describedAs("VM name"))
            .param(ParameterDescriptor.string("description").maxLength(2048).describedAs("free text"))
            .param(ParameterDescriptor.uuid("instanceOfferingUuid").mandatory().describedAs("the instance offering: vCPUs and memory"))
            .param(ParameterDescriptor.uuid("imageUuid").mandatory().describedAs("the image of the root volume (a template or an ISO)"))
            .param(ParameterDescriptor.stringList("l3NetworkUuids").mandatory().describedAs("the L3 networks of its NICs, in device order"))
            .param(ParameterDescriptor.uuid("defaultL3NetworkUuid").describedAs("the L3 network of the default NIC (the first one if omitted)"))
            .param(ParameterDescriptor.uuid("rootDiskOfferingUuid").describedAs("the size of the root volume; required for ISO images"))
            .param(ParameterDescriptor.stringList("dataDiskOfferingUuids").describedAs("a data volume per disk offering"))
            .param(ParameterDescriptor.uuid("zoneUuid").describedAs("the zone to place it in"))
            .param(ParameterDescriptor.uuid("clusterUuid").describedAs("the cluster to place it in"))
            .param(ParameterDescriptor.uuid("hostUuid").describedAs("the host to place it on"))
            .param(ParameterDescriptor.uuid("primaryStorageUuidForRootVolume").describedAs("the primary storage of the root volume"))
            .param(ParameterDescriptor.string("strategy").oneOf(INSTANT_START, CREATE_STOPPED).withDefault(INSTANT_START)
                    .describedAs("InstantStart starts it at once; CreateStopped leaves it Stopped"))
            .param(ParameterDescriptor.string("type").oneOf("UserVm").withDefault("UserVm").describedAs("the VM type"))
            .param(ParameterDescriptor.uuid("resourceUuid").describedAs("uuid to give the VM instead of a generated one"))
            .rest(RestBinding.post("/vm-instances"))
            .build();

    private final VmLifecycle vms;
    private final OfferingService offerings;
    private final ImageService images;
    private final ZoneService zones;
    private final ClusterService clusters;
    private final EventPublisher events;

    /** Wires the operation. */
    public CreateVmInstanceOperation(VmLifecycle vms, OfferingService offerings, ImageService images, ZoneService zones,
                                     ClusterService clusters, EventPublisher events) {
        this.vms = vms;
        this.offerings = offerings;
        this.images = images;
        this.zones = zones;
        this.clusters = clusters;
        this.events = events;
    }

    @Override public OperationDescriptor descriptor() { return DESCRIPTOR; }

    @Override public String serializationKey(OperationRequest request) { return uuidOf(request); }

    private static String uuidOf(OperationRequest request) {
        return request.has("resourceUuid") ? request.string("resourceUuid") : request.requestId();
    }

    /** @return a uuid derived from the VM's, so that a re-run flow and its rollback name the same things */
    static String derivedUuid(String vmUuid, String what) {
        return UUID.nameUUIDFromBytes((vmUuid + "/" + what).getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
    }

    @Override
    public void check(OperationRequest request) {
        String uuid = uuidOf(request);
        if (vms.vms().find(uuid) != null) {
            throw new ApiException(ErrorCode.CONFLICT, "a VM with uuid " + uuid + " already exists; omit resourceUuid to get a new one");
        }
        Inputs in = new Inputs(request);
        InstanceOfferingInventory offering = in.offering();
        if (!"Enabled".equals(offering.state())) {
            throw new ApiException(ErrorCode.INVALID_STATE, "instance offering " + offering.uuid() + " is " + offering.state()
                    + "; enable it or choose another");
        }
        HostOrdering.requireKnown(offering.allocatorStrategy());
        ImageInventory image = in.image();
        if (!"Ready".equals(image.status()) || !"Enabled".equals(image.state())) {
            throw new ApiException(ErrorCode.INVALID_STATE, "image " + image.uuid() + " is " + image.state() + " and "
                    + image.status() + "; a VM needs an Enabled, Ready image: wait for its download or choose another");
        }
        boolean iso = "ISO".equals(image.mediaType());
        if (!iso && !"RootVolumeTemplate".equals(image.mediaType())) {
            throw ApiException.invalidArgument("image " + image.uuid() + " is a " + image.mediaType()
                    + "; a VM boots from a RootVolumeTemplate or an ISO image");
        }
        if (iso && !request.has("rootDiskOfferingUuid")) {
            throw ApiException.invalidArgument("image " + image.uuid() + " is an ISO: give rootDiskOfferingUuid to size the root volume");
        }
        if (in.imageCopies().isEmpty()) {
            throw new ApiException(ErrorCode.INVALID_STATE, "image " + image.uuid() + " has no Ready copy on a Connected backup"
                    + " storage attached to a zone; attach its backup storage to a zone, reconnect it, or add the image again");
        }
        if (request.has("rootDiskOfferingUuid")) {
            diskOffering(request.string("rootDiskOfferingUuid"));
        }
        request.list("dataDiskOfferingUuids").forEach(this::diskOffering);
        List<String> l3s = request.list("l3NetworkUuids");
        if (l3s.isEmpty()) {
            throw ApiException.invalidArgument("l3NetworkUuids needs at least one L3 network");
        }
        if (l3s.stream().distinct().count() != l3s.size()) {
            throw ApiException.invalidArgument("l3NetworkUuids lists an L3 network twice: " + l3s);
        }
        Map<String, L3NetworkInventory> byUuid = new HashMap<>();
        for (String l3Uuid : l3s) {
            L3NetworkInventory l3 = in.l3(l3Uuid);
            if (!"Enabled".equals(l3.state())) {
                throw new ApiException(ErrorCode.INVALID_STATE, "L3 network " + l3Uuid + " is " + l3.state() + "; enable it or choose another");
            }
            if (l3.ipRanges().isEmpty()) {
                throw new ApiException(ErrorCode.INVALID_STATE, "L3 network " + l3Uuid + " has no IP range; add one with AddIpRange first");
            }
            byUuid.put(l3Uuid, l3);
        }
        if (request.has("defaultL3NetworkUuid") && !l3s.contains(request.string("defaultL3NetworkUuid"))) {
            throw ApiException.invalidArgument("defaultL3NetworkUuid " + request.string("defaultL3NetworkUuid")
                    + " must be one of l3NetworkUuids " + l3s);
        }
        if (request.has("zoneUuid") && zones.get(request.string("zoneUuid")).isEmpty()) {
            throw ApiException.notFound("zone", request.string("zoneUuid"));
        }
        if (request.has("clusterUuid") && clusters.get(request.string("clusterUuid")).isEmpty()) {
            throw ApiException.notFound("cluster", request.string("clusterUuid"));
        }
        if (request.has("hostUuid") && vms.hosts().get(request.string("hostUuid")).isEmpty()) {
            throw ApiException.notFound(HostInventory.RESOURCE_TYPE, request.string("hostUuid"));
        }
        if (request.has("primaryStorageUuidForRootVolume")
                && vms.storage().get(request.string("primaryStorageUuidForRootVolume")).isEmpty()) {
            throw ApiException.notFound(PrimaryStorageInventory.RESOURCE_TYPE, request.string("primaryStorageUuidForRootVolume"));
        }
        staticIps(request, byUuid).forEach((l3, ip) -> {
            VmNicEntity holder = vms.vms().nicWithIp(l3, ip);
            if (holder != null) {
                throw new ApiException(ErrorCode.CONFLICT, "IP " + ip + " of L3 network " + l3 + " is already used by VM "
                        + holder.getVmInstanceUuid() + "; choose a free address (GetFreeIp) or omit the staticIp tag");
            }
        });
        for (String tag : request.systemTags()) {
            if (tag.startsWith(VmLifecycle.MODE_PREFIX) && !List.of(VmLifecycle.MODE_PREFIX + HostAllocatorStrategy.MODE_HARD,
                    VmLifecycle.MODE_PREFIX + HostAllocatorStrategy.MODE_SOFT).contains(tag)) {
                throw ApiException.invalidArgument("system tag '" + tag + "': the mode is allocator::mode::hard or allocator::mode::soft");
            }
        }
        // refused at once when no host fits now; a concurrent create can still take the last place (then the job fails)
        vms.placement().candidates(placementRequest(in));
    }

    private DiskOfferingInventory diskOffering(String uuid) {
        DiskOfferingInventory d = offerings.diskOffering(uuid)
                .orElseThrow(() -> ApiException.notFound(DiskOfferingInventory.RESOURCE_TYPE, uuid));
        if (!"Enabled".equals(d.state())) {
            throw new ApiException(ErrorCode.INVALID_STATE, "disk offering " + uuid + " is " + d.state() + "; enable it or choose another");
        }
        return d;
    }

    /** @return the image's copy readable from the zone of the VM's storage host */
    private ImageBackupStorageRefInventory readyCopy(Inputs in, StepContext ctx) {
        ImageInventory image = in.image();
        String zone = hostOf(ctx).zoneUuid();
        ImageBackupStorageRefInventory copy = in.imageCopies().get(zone);
        if (copy == null) {
            throw new ApiException(ErrorCode.INVALID_STATE, "image " + image.uuid() + " has no Ready copy on a Connected"
                    + " backup storage of zone " + zone + " any more; attach one holding it to the zone and retry");
        }
        return copy;
    }

    /** @return the static address requested per L3 network by {@code staticIp::<l3>::<ip>} system tags */
    static Map<String, String> staticIps(OperationRequest request, Map<String, L3NetworkInventory> l3s) {
        Map<String, String> ips = new HashMap<>();
        for (String tag : request.systemTags()) {
            if (!tag.startsWith(STATIC_IP_PREFIX)) {
                continue;
            }
            String[] parts = tag.split("::", -1);
            if (parts.length != 3 || !l3s.containsKey(parts[1])) {
                throw ApiException.invalidArgument("system tag '" + tag + "': write staticIp::<l3NetworkUuid>::<ip> with an L3 network of l3NetworkUuids");
            }
            long ip = Ipv4.parse(parts[2]);
            if (ip < 0) {
                throw ApiException.invalidArgument("system tag '" + tag + "': " + parts[2] + " is not an IPv4 address");
            }
            boolean inRange = l3s.get(parts[1]).ipRanges().stream()
                    .anyMatch(r -> ip >= Ipv4.parse(r.startIp()) && ip <= Ipv4.parse(r.endIp()));
            if (!inRange) {
                throw ApiException.invalidArgument("system tag '" + tag + "': " + parts[2] + " is outside the IP ranges of L3 network " + parts[1]);
            }
            ips.put(parts[1], parts[2]);
        }
        return ips;
    }

    @Override
    public Flow flow(OperationRequest request) {
        String uuid = uuidOf(request);
        boolean start = !CREATE_STOPPED.equals(request.string("strategy"));
        Flow.Builder flow = Flow.named(DESCRIPTOR.name());
        Inputs in = new Inputs(request);
        flow.step("persist-vm", ctx -> persist(uuid, in), ctx -> {
            vms.tags().detachAll(uuid);
            vms.vms().delete(uuid);
        });
        if (start) {
            flow.step(vms.allocateHost(uuid, () -> placementRequest(in)));
        }
        flow.step("allocate-primary-storage", ctx -> allocateStorage(in, ctx), ctx -> {
            if (ctx.getString("primaryStorageUuid") != null) {
                vms.storage().releaseCapacity(ctx.getString("primaryStorageUuid"), ((Number) ctx.get("reservedBytes")).longValue());
            }
        });
        flow.step("allocate-nics", ctx -> allocateNics(uuid, in, ctx), ctx -> {
            if (ctx.get("usedIps") instanceof List<?> used) {
                used.forEach(u -> vms.networks().releaseIp(String.valueOf(u)));
            }
            vms.vms().nicsOf(uuid).forEach(vms::removeNic);
        });
        flow.step("create-root-volume", ctx -> createRootVolume(uuid, in, ctx),
                ctx -> deleteCreatedVolume(derivedUuid(uuid, "root")));
        flow.step("create-data-volumes", ctx -> createDataVolumes(uuid, in, ctx), ctx -> {
            for (int i = 0; i < request.list("dataDiskOfferingUuids").size(); i++) {
                deleteCreatedVolume(derivedUuid(uuid, "data/" + i));
            }
        });
        if (start) {
            flow.step("start-on-hypervisor", ctx -> {
                vms.vms().update(uuid, v -> v.setState(VmStates.STARTING));
                vms.startOn(uuid, ctx.getString("hostUuid"));
            }, ctx -> {
                if (ctx.getString("hostUuid") != null) {
                    vms.destroyOn(uuid, ctx.getString("hostUuid"));
                }
            });
        }
        flow.step("announce", ctx -> {
            vms.vms().update(uuid, v -> v.setState(start ? VmStates.RUNNING : VmStates.STOPPED));
            VmInstanceInventory inv = vms.vms().inventory(uuid);
            for (VolumeInventory v : inv.allVolumes()) {
                events.publish(new ResourceEvent(EventType.CREATED, VolumeInventory.RESOURCE_TYPE, v.uuid(), v, null, null, null, null));
            }
            events.publish(new ResourceEvent(EventType.CREATED, VmInstanceInventory.RESOURCE_TYPE, uuid, inv, null, null, null, null));
            ctx.result(OperationResult.inventory(inv));
        });
        return flow.build();
    }

    private void persist(String uuid, Inputs in) {
        OperationRequest request = in.request;
        InstanceOfferingInventory offering = in.offering();
        ImageInventory image = in.image();
        List<String> l3s = request.list("l3NetworkUuids");
        Timestamp now = new Timestamp(System.currentTimeMillis());
        VmInstanceEntity vm = new VmInstanceEntity();
        vm.setUuid(uuid);
        vm.setName(request.string("name"));
        vm.setDescription(request.string("description"));
        vm.setZoneUuid(request.has("zoneUuid") ? request.string("zoneUuid")
                : in.l3(l3s.get(0)).zoneUuid());
        vm.setClusterUuid(request.string("clusterUuid"));
        vm.setImageUuid(image.uuid());
        vm.setInstanceOfferingUuid(offering.uuid());
        vm.setDefaultL3NetworkUuid(request.has("defaultL3NetworkUuid") ? request.string("defaultL3NetworkUuid") : l3s.get(0));
        vm.setPlatform(image.platform());
        vm.setArchitecture(image.architecture());
        vm.setType(request.string("type"));
        vm.setCpuNum(offering.cpuNum());
        vm.setCpuSpeed(offering.cpuSpeed());
        vm.setMemorySize(offering.memorySize());
        vm.setAllocatorStrategy(offering.allocatorStrategy() == null ? HostAllocatorStrategy.DEFAULT : offering.allocatorStrategy());
        vm.setState(VmStates.CREATED);
        vm.setCreateDate(now);
        vm.setLastOpDate(now);
        vms.vms().create(vm);
        vms.tags().attach(VmManager.VO_NAME, uuid, request.systemTags(), TagType.System);
        vms.tags().attach(VmManager.VO_NAME, uuid, request.userTags(), TagType.User);
    }

    private PlacementRequest placementRequest(Inputs in) {
        OperationRequest request = in.request;
        InstanceOfferingInventory offering = in.offering();
        long bytes = in.volumeSizes().stream().mapToLong(Long::longValue).sum();
        return PlacementRequest.of(offering.cpuNum(), offering.memorySize())
                .image(in.imageCopies().keySet(), in.image().architecture())
                .within(request.string("zoneUuid"), request.string("clusterUuid"), request.string("hostUuid"))
                .reaching(request.list("l3NetworkUuids"), bytes, request.string("primaryStorageUuidForRootVolume"))
                .tagged(VmLifecycle.hostTags(request.systemTags()), VmLifecycle.softMode(request.systemTags()))
                .ordered(offering.allocatorStrategy(), null);
    }

    private void allocateStorage(Inputs in, StepContext ctx) {
        if (ctx.getString("hostUuid") == null) {
            // CreateStopped: the storage of a fitting cluster, without reserving a host
            ctx.put("storageHostUuid", vms.placement().candidates(placementRequest(in)).get(0).uuid());
        }
        String cluster = hostOf(ctx).clusterUuid();
        long bytes = in.volumeSizes().stream().mapToLong(Long::longValue).sum();
        String wanted = in.request.string("primaryStorageUuidForRootVolume");
        List<PrimaryStorageInventory> fitting = vms.storage().attachedTo(cluster).stream()
                .filter(ps -> wanted == null || wanted.equals(ps.uuid()))
                .filter(Placement::usable).filter(ps -> vms.storage().hasRoomFor(ps, bytes))
                .sorted(Comparator.comparingLong(PrimaryStorageInventory::availableCapacity).reversed()).toList();
        for (PrimaryStorageInventory ps : fitting) {
            if (vms.storage().reserveCapacity(ps.uuid(), bytes)) {
                ctx.put("primaryStorageUuid", ps.uuid());
                ctx.put("reservedBytes", bytes);
                return;
            }
        }
        throw new ApiException(ErrorCode.NO_CAPACITY, "no primary storage attached to cluster " + cluster
                + (wanted == null ? "" : " (requested: " + wanted + ")") + " is Enabled, Connected and has " + bytes
                + " bytes free; attach storage or free space");
    }

    private void allocateNics(String uuid, Inputs in, StepContext ctx) {
        OperationRequest request = in.request;
        Map<String, L3NetworkInventory> l3s = new HashMap<>();
        for (String l3 : request.list("l3NetworkUuids")) {
            l3s.put(l3, in.l3(l3));
        }
        Map<String, String> staticIps = staticIps(request, l3s);
        List<String> used = new ArrayList<>();
        List<String> l3List = request.list("l3NetworkUuids");
        for (int i = 0; i < l3List.size(); i++) {
            String l3 = l3List.get(i);
            VmNicEntity nic = VmNics.create(vms, uuid, derivedUuid(uuid, "nic/" + i), l3, staticIps.get(l3), i, null);
            used.add(nic.getUsedIpUuid());
            ctx.put("usedIps", new ArrayList<>(used));
        }
    }

    private static String storageHostUuid(StepContext ctx) {
        return ctx.getString("hostUuid") != null ? ctx.getString("hostUuid") : ctx.getString("storageHostUuid");
    }

    private HostConnection storageHost(StepContext ctx) {
        String host = storageHostUuid(ctx);
        return host == null ? null : vms.hosts().connection(host).orElse(null);
    }

    private HostInventory hostOf(StepContext ctx) {
        return vms.hosts().get(storageHostUuid(ctx))
                .orElseThrow(() -> new ApiException(ErrorCode.NO_CAPACITY, "the chosen host was deleted meanwhile; retry"));
    }

    private VolumeEntity newVolume(String uuid, String vmUuid, String name, String type, int deviceId, long size,
                                   String psUuid, String diskOfferingUuid, String imageUuid) {
        Timestamp now = new Timestamp(System.currentTimeMillis());
        VolumeEntity v = new VolumeEntity();
        v.setUuid(uuid);
        v.setName(name);
        v.setPrimaryStorageUuid(psUuid);
        v.setVmInstanceUuid(vmUuid);
        v.setDiskOfferingUuid(diskOfferingUuid);
        v.setRootImageUuid(imageUuid);
        v.setType(type);
        v.setSize(size);
        v.setDeviceId(deviceId);
        v.setState("Enabled");
        v.setStatus("Creating");
        v.setCreateDate(now);
        v.setLastOpDate(now);
        vms.volumes().create(v);
        return v;
    }

    private void instantiated(String volumeUuid, VolumeInstantiation made) {
        vms.volumes().update(volumeUuid, v -> {
            v.setInstallPath(made.installPath());
            v.setActualSize(made.actualSize());
            v.setFormat(made.format());
            v.setStatus("Ready");
        });
    }

    private PrimaryStorageInventory storageOf(StepContext ctx) {
        String ps = ctx.getString("primaryStorageUuid");
        return vms.storage().get(ps).orElseThrow(() -> ApiException.notFound(PrimaryStorageInventory.RESOURCE_TYPE, ps));
    }

    private PrimaryStorageBackend backendOf(PrimaryStorageInventory ps) {
        return vms.storage().backend(ps.type()).orElseThrow(() -> new ApiException(ErrorCode.TYPE_UNAVAILABLE,
                "no primary storage backend of type " + ps.type() + " is installed; install the feature that provides it"));
    }

    private void createRootVolume(String uuid, Inputs in, StepContext ctx) throws Exception {
        OperationRequest request = in.request;
        ImageInventory image = in.image();
        PrimaryStorageInventory ps = storageOf(ctx);
        String volumeUuid = derivedUuid(uuid, "root");
        long size = in.volumeSizes().get(0);
        String name = "ROOT-for-" + request.string("name");
        VolumeEntity v = newVolume(volumeUuid, uuid, name, VolumeEntity.ROOT, 0, size, ps.uuid(),
                request.string("rootDiskOfferingUuid"), image.uuid());
        VolumeInstantiation made = "ISO".equals(image.mediaType())
                ? backendOf(ps).createDataVolume(ps, storageHost(ctx), v.getUuid(), size)
                : backendOf(ps).createRootVolume(ps, storageHost(ctx), v.getUuid(), image, readyCopy(in, ctx).installPath());
        instantiated(volumeUuid, made);
        vms.vms().update(uuid, vm -> vm.setRootVolumeUuid(volumeUuid));
        if ("ISO".equals(image.mediaType())) {
            VmIsoBoot.insert(vms, uuid, ps, backendOf(ps), storageHost(ctx), image, readyCopy(in, ctx).installPath());
        }
    }

    private void createDataVolumes(String uuid, Inputs in, StepContext ctx) throws Exception {
        OperationRequest request = in.request;
        List<String> offeringUuids = request.list("dataDiskOfferingUuids");
        if (offeringUuids.isEmpty()) {
            return;
        }
        PrimaryStorageInventory ps = storageOf(ctx);
        for (int i = 0; i < offeringUuids.size(); i++) {
            long size = in.volumeSizes().get(i + 1);
            String volumeUuid = derivedUuid(uuid, "data/" + i);
            newVolume(volumeUuid, uuid, "DATA-for-" + request.string("name") + "-" + (i + 1), VolumeEntity.DATA, i + 1,
                    size, ps.uuid(), offeringUuids.get(i), null);
            instantiated(volumeUuid, backendOf(ps).createDataVolume(ps, storageHost(ctx), volumeUuid, size));
        }
    }

    /**
     * What a create reads of other resources, each read once per check and once per run of the flow (a flow run
     * again after a crash reads afresh). Absent resources are 404s.
     */
    private final class Inputs {
        private final OperationRequest request;
        private InstanceOfferingInventory offering;
        private ImageInventory image;
        private Map<String, ImageBackupStorageRefInventory> imageCopies;
        private List<Long> volumeSizes;
        private final Map<String, L3NetworkInventory> l3s = new HashMap<>();

        Inputs(OperationRequest request) { this.request = request; }

        InstanceOfferingInventory offering() {
            if (offering == null) {
                String uuid = request.string("instanceOfferingUuid");
                offering = offerings.instanceOffering(uuid)
                        .orElseThrow(() -> ApiException.notFound(InstanceOfferingInventory.RESOURCE_TYPE, uuid));
            }
            return offering;
        }

        ImageInventory image() {
            if (image == null) {
                String uuid = request.string("imageUuid");
                image = images.get(uuid).orElseThrow(() -> ApiException.notFound(ImageInventory.RESOURCE_TYPE, uuid));
            }
            return image;
        }

        /** @return zone uuid to a Ready copy of the image readable there */
        Map<String, ImageBackupStorageRefInventory> imageCopies() {
            if (imageCopies == null) {
                imageCopies = images.readyCopiesByZone(image().uuid());
            }
            return imageCopies;
        }

        L3NetworkInventory l3(String uuid) {
            return l3s.computeIfAbsent(uuid, u -> vms.networks().l3Network(u)
                    .orElseThrow(() -> ApiException.notFound(L3NetworkInventory.RESOURCE_TYPE, u)));
        }

        /** @return the bytes of primary storage the VM's volumes need: the root volume first, then each data volume */
        List<Long> volumeSizes() {
            if (volumeSizes == null) {
                List<Long> sizes = new ArrayList<>();
                sizes.add(request.has("rootDiskOfferingUuid")
                        ? diskOffering(request.string("rootDiskOfferingUuid")).diskSize() : image().size());
                for (String d : request.list("dataDiskOfferingUuids")) {
                    sizes.add(diskOffering(d).diskSize());
                }
                volumeSizes = List.copyOf(sizes);
            }
            return volumeSizes;
        }
    }

    /** Rollback of a volume this flow created: off the storage if it got there, then the row (space is the storage step's). */
    private void deleteCreatedVolume(String volumeUuid) throws Exception {
        VolumeEntity v = vms.volumes().find(volumeUuid);
        if (v == null) {
            return;
        }
        if (v.getInstallPath() != null) {
            PrimaryStorageInventory ps = vms.storage().get(v.getPrimaryStorageUuid()).orElse(null);
            if (ps != null) {
                backendOf(ps).deleteVolume(ps, null, v.getInstallPath());
            }
        }
        vms.volumes().delete(volumeUuid);
    }
}
