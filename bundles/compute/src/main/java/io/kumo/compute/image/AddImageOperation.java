package io.kumo.compute.image;

import io.kumo.api.operation.AccessLevel;
import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.event.EventPublisher;
import io.kumo.api.event.EventType;
import io.kumo.api.event.ResourceEvent;
import io.kumo.api.image.ImageInventory;
import io.kumo.api.job.Flow;
import io.kumo.api.job.StepContext;
import io.kumo.api.operation.AsyncOperation;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.storage.BackupStorageBackend;
import io.kumo.api.storage.ImageDownload;
import io.kumo.api.tag.TagService;
import io.kumo.api.tag.TagType;
import io.kumo.compute.backend.Backends;
import io.kumo.compute.storage.BackupStorageEntity;
import io.kumo.compute.storage.BackupStorageManager;

import java.net.URI;
import java.sql.Timestamp;
import java.util.HashSet;
import java.util.List;

/**
 * {@code POST /images}: adds an image from a URL. It is persisted as {@code Downloading}, downloaded onto every
 * backup storage named (progress is reported to the job), then {@code Ready}. A failure deletes what was
 * downloaded and leaves no row.
 */
public class AddImageOperation implements AsyncOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("AddImage")
            .description("Add an image (a VM template or an ISO) from a URL onto backup storage")
            .kind(OperationKind.CREATE).resourceType(ImageInventory.RESOURCE_TYPE).access(AccessLevel.TENANT).inventoryType(ImageInventory.class)
            .param(ParameterDescriptor.string("name").mandatory().range(1, 255).describedAs("image name"))
            .param(ParameterDescriptor.string("description").maxLength(2048).describedAs("free text"))
            .param(ParameterDescriptor.string("url").mandatory().range(1, 1024).describedAs("where to fetch it: an http, https or file URL"))
            .param(ParameterDescriptor.string("mediaType").oneOf("RootVolumeTemplate", "DataVolumeTemplate", "ISO")
                    .withDefault("RootVolumeTemplate").describedAs("what it is used for"))
            .param(ParameterDescriptor.string("guestOsType").maxLength(255).describedAs("the guest OS, free text"))
            .param(ParameterDescriptor.bool("system").withDefault("false").describedAs("a system image (virtual routers)"))
            .param(ParameterDescriptor.string("format").oneOf("qcow2", "raw", "iso")
                    .describedAs("qcow2, raw or iso; iso by default for an ISO, qcow2 otherwise"))
            .param(ParameterDescriptor.string("platform").oneOf("Linux", "Windows", "Other", "Paravirtualization")
                    .withDefault("Linux").describedAs("the guest platform"))
            .param(ParameterDescriptor.stringList("backupStorageUuids").mandatory().describedAs("the backup storage to keep it on"))
            .param(ParameterDescriptor.string("architecture").oneOf("x86_64", "aarch64", "mips64el").withDefault("x86_64")
                    .describedAs("the CPU architecture it runs on"))
            .param(ParameterDescriptor.uuid("resourceUuid").describedAs("uuid to give the image instead of a generated one"))
            .rest(RestBinding.post("/images"))
            .build();

    private final ImageStore store;
    private final BackupStorageManager backupStorage;
    private final Backends backends;
    private final TagService tags;
    private final EventPublisher events;

    /** Wires the operation. */
    public AddImageOperation(ImageStore store, BackupStorageManager backupStorage, Backends backends, TagService tags,
                             EventPublisher events) {
        this.store = store;
        this.backupStorage = backupStorage;
        this.backends = backends;
        this.tags = tags;
        this.events = events;
    }

    @Override public OperationDescriptor descriptor() { return DESCRIPTOR; }

    @Override public String serializationKey(OperationRequest request) { return uuidOf(request); }

    private static String uuidOf(OperationRequest request) {
        return request.has("resourceUuid") ? request.string("resourceUuid") : request.requestId();
    }

    private static String formatOf(OperationRequest request) {
        if (request.has("format")) {
            return request.string("format");
        }
        return "ISO".equals(request.string("mediaType")) ? "iso" : "qcow2";
    }

    /**
     * @param url an image URL
     * @throws ApiException 400 unless it is an absolute http or https URL with a host, or a file URL with a path
     */
    static void validateUrl(String url) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (java.net.URISyntaxException e) {
            throw ApiException.invalidArgument("url " + url + " is not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        boolean ok = switch (scheme) {
            case "http", "https" -> uri.getHost() != null && !uri.getHost().isEmpty();
            case "file" -> uri.getPath() != null && uri.getPath().startsWith("/") && uri.getPath().length() > 1;
            default -> false;
        };
        if (!ok) {
            throw ApiException.invalidArgument("url " + url + " is not an http://host/..., https://host/... or file:///path URL "
                    + "of the image; give one of those");
        }
    }

    @Override
    public void check(OperationRequest request) {
        validateUrl(request.string("url"));
        String format = formatOf(request);
        if ("ISO".equals(request.string("mediaType")) != "iso".equals(format)) {
            throw ApiException.invalidArgument("an ISO image has format iso and only an ISO has it: mediaType "
                    + request.string("mediaType") + " with format " + format + " do not fit");
        }
        List<String> uuids = request.list("backupStorageUuids");
        if (uuids.isEmpty()) {
            throw ApiException.invalidArgument("backupStorageUuids is empty; name at least one backup storage to keep the image on");
        }
        if (new HashSet<>(uuids).size() != uuids.size()) {
            throw ApiException.invalidArgument("backupStorageUuids names a backup storage twice: " + uuids);
        }
        for (String uuid : uuids) {
            BackupStorageEntity bs = backupStorage.require(uuid);
            if (!"Enabled".equals(bs.getState()) || !"Connected".equals(bs.getStatus())) {
                throw new ApiException(ErrorCode.INVALID_STATE, "backup storage " + uuid + " is " + bs.getState() + " and "
                        + bs.getStatus() + "; images are added to Enabled, Connected backup storage only (enable or reconnect it)");
            }
            if (bs.getAttachedZoneUuids().isEmpty()) {
                throw new ApiException(ErrorCode.INVALID_STATE, "backup storage " + uuid
                        + " is attached to no zone; attach it to a zone first");
            }
            backends.backupStorage().require(bs.getType());
        }
        if (store.exists(uuidOf(request))) {
            throw new ApiException(ErrorCode.CONFLICT, "an image with uuid " + uuidOf(request) + " already exists; omit resourceUuid to get a new one");
        }
    }

    @Override
    public Flow flow(OperationRequest request) {
        String uuid = uuidOf(request);
        List<String> bsUuids = request.list("backupStorageUuids");
        Flow.Builder flow = Flow.named(DESCRIPTOR.name())
                .step("persist", ctx -> {
                    Timestamp now = new Timestamp(System.currentTimeMillis());
                    ImageEntity image = new ImageEntity();
                    image.setUuid(uuid);
                    image.setName(request.string("name"));
                    image.setDescription(request.string("description"));
                    image.setState("Enabled");
                    image.setStatus("Downloading");
                    image.setUrl(request.string("url").trim());
                    image.setMediaType(request.string("mediaType"));
                    image.setGuestOsType(request.string("guestOsType"));
                    image.setType("zstack");
                    image.setPlatform(request.string("platform"));
                    image.setFormat(formatOf(request));
                    image.setSystem(Boolean.TRUE.equals(request.bool("system")));
                    image.setArchitecture(request.string("architecture"));
                    image.setCreateDate(now);
                    image.setLastOpDate(now);
                    store.create(image, bsUuids);
                }, ctx -> store.delete(uuid));
        for (int i = 0; i < bsUuids.size(); i++) {
            String bs = bsUuids.get(i);
            int index = i;
            flow.step("download-" + bs, ctx -> download(ctx, uuid, bs, index, bsUuids.size()), ctx -> undoDownload(ctx, bs));
        }
        flow.step("ready", ctx -> store.update(uuid, image -> {
            image.setStatus("Ready");
            image.setSize(((Number) ctx.get("size")).longValue());
            image.setActualSize(((Number) ctx.get("actualSize")).longValue());
            image.setMd5Sum(ctx.getString("md5Sum"));
            if (ctx.get("format") != null) {
                image.setFormat(ctx.getString("format"));
            }
        }));
        if (!request.systemTags().isEmpty() || !request.userTags().isEmpty()) {
            flow.step("attach-tags", ctx -> {
                tags.attach(ImageManager.VO_NAME, uuid, request.systemTags(), TagType.System);
                tags.attach(ImageManager.VO_NAME, uuid, request.userTags(), TagType.User);
            }, ctx -> tags.detachAll(uuid));
        }
        return flow.step("announce", ctx -> {
            ImageInventory inv = store.find(uuid).toInventory();
            ctx.result(OperationResult.inventory(inv));
            events.publish(new ResourceEvent(EventType.CREATED, ImageInventory.RESOURCE_TYPE, uuid, inv, null, null, null, null));
        }).build();
    }

    private void download(StepContext ctx, String uuid, String bsUuid, int index, int count) throws Exception {
        BackupStorageEntity bs = backupStorage.require(bsUuid);
        BackupStorageBackend backend = backends.backupStorage().require(bs.getType());
        ImageDownload d = backend.downloadImage(bs.toInventory(), store.find(uuid).toInventory(), percent -> {
            int p = Math.max(0, Math.min(100, percent));
            ctx.progress(5 + (index * 100 + p) * 90 / (100 * count), "downloading onto backup storage " + bsUuid + ": " + p + "%");
        });
        ctx.put("installPath-" + bsUuid, d.installPath());
        ctx.put("actualSize-" + bsUuid, d.actualSize());
        backupStorage.store().consume(bsUuid, d.actualSize());
        ctx.put("accounted-" + bsUuid, true);
        store.refReady(uuid, bsUuid, d.installPath());
        ctx.put("size", d.size());
        ctx.put("actualSize", d.actualSize());
        ctx.put("md5Sum", d.md5Sum());
        ctx.put("format", d.format());
    }

    private void undoDownload(StepContext ctx, String bsUuid) throws Exception {
        String installPath = ctx.getString("installPath-" + bsUuid);
        if (installPath == null) {
            return;
        }
        BackupStorageEntity bs = backupStorage.require(bsUuid);
        backends.backupStorage().require(bs.getType()).deleteImage(bs.toInventory(), installPath);
        if (Boolean.TRUE.equals(ctx.get("accounted-" + bsUuid))) {
            backupStorage.store().consume(bsUuid, -((Number) ctx.get("actualSize-" + bsUuid)).longValue());
        }
    }
}
