package io.kumo.compute.network.l3;

import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.event.EventType;
import io.kumo.api.job.Flow;
import io.kumo.api.network.IpRangeInventory;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.compute.network.NetworkEvents;
import io.kumo.compute.network.ipam.IpRangeSpec;
import io.kumo.compute.network.ipam.Ipv4;

import java.sql.Timestamp;

/**
 * {@code POST /l3-networks/{l3NetworkUuid}/ip-ranges}: adds addresses {@code startIp..endIp} of a subnet to an L3
 * network. The range is validated (see {@link IpRangeSpec}) and must not overlap another range of the network.
 */
public class AddIpRangeOperation extends ExistingL3Operation {
    /** Wires the operation. */
    public AddIpRangeOperation(L3NetworkStore store, L3NetworkManager l3s, NetworkEvents events) {
        this(OperationDescriptor.builder("AddIpRange").description("Add an IP range to an L3 network")
                .param(ParameterDescriptor.string("startIp").mandatory().maxLength(64).describedAs("the first address handed out"))
                .param(ParameterDescriptor.string("endIp").mandatory().maxLength(64).describedAs("the last address handed out"))
                .param(ParameterDescriptor.string("netmask").mandatory().maxLength(64).describedAs("the subnet's netmask, e.g. 255.255.255.0"))
                .param(ParameterDescriptor.string("gateway").mandatory().maxLength(64).describedAs("the gateway, in the subnet, outside the range"))
                .rest(RestBinding.post("/l3-networks/{l3NetworkUuid}/ip-ranges")), store, l3s, events);
    }

    /** For ways of giving the range other than its bounds. */
    protected AddIpRangeOperation(OperationDescriptor.Builder builder, L3NetworkStore store, L3NetworkManager l3s, NetworkEvents events) {
        super(builder.kind(OperationKind.CREATE).resourceType(NetworkEvents.IP_RANGE).inventoryType(IpRangeInventory.class)
                .param(ParameterDescriptor.uuid("l3NetworkUuid").mandatory().describedAs("the L3 network"))
                .param(ParameterDescriptor.string("name").mandatory().range(1, 255).describedAs("range name"))
                .param(ParameterDescriptor.string("description").maxLength(2048).describedAs("free text"))
                .param(ParameterDescriptor.uuid("resourceUuid").describedAs("uuid to give the range instead of a generated one"))
                .build(), "l3NetworkUuid", store, l3s, events);
    }

    /** @return the validated range asked for */
    protected IpRangeSpec spec(OperationRequest request) {
        return IpRangeSpec.of(request.string("startIp"), request.string("endIp"), request.string("netmask"), request.string("gateway"));
    }

    private static String rangeUuid(OperationRequest request) {
        return request.has("resourceUuid") ? request.string("resourceUuid") : request.requestId();
    }

    @Override
    public void check(OperationRequest request) {
        L3NetworkEntity l3 = l3s.require(l3UuidOf(request));
        IpRangeSpec spec = spec(request);
        if (store.findRange(rangeUuid(request)) != null) {
            throw new ApiException(ErrorCode.CONFLICT, "an IP range with uuid " + rangeUuid(request) + " already exists");
        }
        spec.requireNoOverlap(l3.ipRanges().stream()
                .map(r -> new IpRangeSpec.Existing(r.getUuid(), r.getName(), r.start(), r.end())).toList());
    }

    @Override
    public Flow flow(OperationRequest request) {
        String l3Uuid = l3UuidOf(request);
        String uuid = rangeUuid(request);
        return Flow.named(descriptor().name())
                .step("add-ip-range", ctx -> {
                    check(request);  // again, serialized on the network: a concurrent range may overlap
                    IpRangeSpec spec = spec(request);
                    Timestamp now = new Timestamp(System.currentTimeMillis());
                    IpRangeEntity r = new IpRangeEntity();
                    r.setUuid(uuid);
                    r.setL3NetworkUuid(l3Uuid);
                    r.setName(request.string("name"));
                    r.setDescription(request.string("description"));
                    r.setStartIp(Ipv4.format(spec.start()));
                    r.setEndIp(Ipv4.format(spec.end()));
                    r.setNetmask(spec.netmask());
                    r.setGateway(Ipv4.format(spec.gateway()));
                    r.setNetworkCidr(spec.networkCidr());
                    r.setIpVersion(4);
                    r.setPrefixLen(spec.prefix());
                    r.setCreateDate(now);
                    r.setLastOpDate(now);
                    store.createRange(r);
                }, ctx -> store.deleteRange(uuid))
                .step("announce", ctx -> {
                    IpRangeInventory inv = store.findRange(uuid).toInventory();
                    events.publish(EventType.CREATED, NetworkEvents.IP_RANGE, uuid, inv);
                    announceUpdated(l3Uuid, ctx);
                    ctx.result(OperationResult.inventory(inv));
                })
                .build();
    }
}
