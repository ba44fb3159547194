package io.kumo.compute.network.l3;

import io.kumo.api.config.GlobalConfigService;
import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.event.EventType;
import io.kumo.api.job.Flow;
import io.kumo.api.network.L3NetworkInventory;
import io.kumo.api.operation.AsyncOperation;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.tag.TagService;
import io.kumo.api.tag.TagType;
import io.kumo.compute.network.NetworkEvents;
import io.kumo.compute.network.NetworkGlobalConfigs;
import io.kumo.compute.network.l2.L2NetworkEntity;
import io.kumo.compute.network.l2.L2NetworkManager;

import java.sql.Timestamp;

/** {@code POST /l3-networks}: an L3 network on an L2 network, in the L2 network's zone, with the default MTU. */
public class CreateL3NetworkOperation implements AsyncOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("CreateL3Network")
            .description("Create an L3 network on an L2 network; add IP ranges to hand out addresses")
            .kind(OperationKind.CREATE).resourceType(L3NetworkInventory.RESOURCE_TYPE).inventoryType(L3NetworkInventory.class)
            .param(ParameterDescriptor.string("name").mandatory().range(1, 255).describedAs("network name"))
            .param(ParameterDescriptor.string("description").maxLength(2048).describedAs("free text"))
            .param(ParameterDescriptor.string("type").oneOf(L3NetworkEntity.BASIC).withDefault(L3NetworkEntity.BASIC).describedAs("the L3 type"))
            .param(ParameterDescriptor.uuid("l2NetworkUuid").mandatory().describedAs("the L2 network it runs on"))
            .param(ParameterDescriptor.bool("system").withDefault("false").describedAs("a system network (management, storage, migration)"))
            .param(ParameterDescriptor.string("dnsDomain").maxLength(255).describedAs("the DNS domain of its hosts"))
            .param(ParameterDescriptor.string("category").oneOf("Private", "Public", "System").withDefault("Private").describedAs("Private, Public or System"))
            .param(ParameterDescriptor.integer("ipVersion").range(4, 4).withDefault("4").describedAs("4 (IPv6 is not supported yet)"))
            .param(ParameterDescriptor.uuid("resourceUuid").describedAs("uuid to give the network instead of a generated one"))
            .rest(RestBinding.post("/l3-networks"))
            .build();

    private final L3NetworkStore store;
    private final L3NetworkManager l3s;
    private final L2NetworkManager l2s;
    private final GlobalConfigService config;
    private final TagService tags;
    private final NetworkEvents events;

    /** Wires the operation. */
    public CreateL3NetworkOperation(L3NetworkStore store, L3NetworkManager l3s, L2NetworkManager l2s,
                                    GlobalConfigService config, TagService tags, NetworkEvents events) {
        this.store = store;
        this.l3s = l3s;
        this.l2s = l2s;
        this.config = config;
        this.tags = tags;
        this.events = events;
    }

    @Override public OperationDescriptor descriptor() { return DESCRIPTOR; }

    @Override public String serializationKey(OperationRequest request) { return uuidOf(request); }

    private static String uuidOf(OperationRequest request) {
        return request.has("resourceUuid") ? request.string("resourceUuid") : request.requestId();
    }

    @Override
    public void check(OperationRequest request) {
        if (store.exists(uuidOf(request))) {
            throw new ApiException(ErrorCode.CONFLICT, "an L3 network with uuid " + uuidOf(request) + " already exists; omit resourceUuid to get a new one");
        }
        L2NetworkEntity l2 = l2s.require(request.string("l2NetworkUuid"));
        if (L2NetworkEntity.VXLAN_POOL.equals(l2.getType())) {
            throw ApiException.invalidArgument(l2.describe() + " is a VXLAN network pool; create the L3 network on one of its VXLAN networks");
        }
        if ("System".equals(request.string("category")) && !Boolean.TRUE.equals(request.bool("system"))) {
            throw ApiException.invalidArgument("category System is for system networks: pass system=true, or another category");
        }
    }

    @Override
    public Flow flow(OperationRequest request) {
        String uuid = uuidOf(request);
        Flow.Builder flow = Flow.named(DESCRIPTOR.name());
        flow.step("create-l3-network", ctx -> {
            Timestamp now = new Timestamp(System.currentTimeMillis());
            L3NetworkEntity l3 = new L3NetworkEntity();
            l3.setUuid(uuid);
            l3.setName(request.string("name"));
            l3.setDescription(request.string("description"));
            l3.setType(request.string("type"));
            l3.setL2NetworkUuid(request.string("l2NetworkUuid"));
            l3.setZoneUuid(l2s.require(request.string("l2NetworkUuid")).getZoneUuid());
            l3.setState("Enabled");
            l3.setDnsDomain(request.string("dnsDomain"));
            l3.setSystem(Boolean.TRUE.equals(request.bool("system")));
            l3.setCategory(request.string("category"));
            l3.setIpVersion(request.integer("ipVersion"));
            l3.setMtu(config.intValue(NetworkGlobalConfigs.L3_NETWORK, NetworkGlobalConfigs.DEFAULT_MTU));
            l3.setCreateDate(now);
            l3.setLastOpDate(now);
            store.create(l3);
        }, ctx -> store.delete(uuid));
        if (!request.systemTags().isEmpty() || !request.userTags().isEmpty()) {
            flow.step("attach-tags", ctx -> {
                tags.attach(L3NetworkManager.VO_NAME, uuid, request.systemTags(), TagType.System);
                tags.attach(L3NetworkManager.VO_NAME, uuid, request.userTags(), TagType.User);
            }, ctx -> tags.detachAll(uuid));
        }
        flow.step("announce", ctx -> {
            L3NetworkInventory inv = l3s.inventory(uuid);
            ctx.result(OperationResult.inventory(inv));
            events.publish(EventType.CREATED, L3NetworkInventory.RESOURCE_TYPE, uuid, inv);
        });
        return flow.build();
    }
}
