package io.kumo.compute.network.l3;

import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.event.EventType;
import io.kumo.api.job.Flow;
import io.kumo.api.network.ReservedIpRangeInventory;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.compute.network.NetworkEvents;
import io.kumo.compute.network.ipam.Ipv4;

import java.sql.Timestamp;

/**
 * {@code POST /l3-networks/{l3NetworkUuid}/reserved-ip-ranges}: addresses inside one IP range of the network that are
 * never handed out (those already used stay with their owner).
 */
public class AddReservedIpRangeOperation extends ExistingL3Operation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("AddReservedIpRange")
            .description("Reserve addresses of an L3 network so that they are never handed out")
            .kind(OperationKind.CREATE).resourceType(ReservedIpRangeInventory.RESOURCE_TYPE).inventoryType(ReservedIpRangeInventory.class)
            .param(ParameterDescriptor.uuid("l3NetworkUuid").mandatory().describedAs("the L3 network"))
            .param(ParameterDescriptor.string("startIp").mandatory().maxLength(64).describedAs("the first reserved address"))
            .param(ParameterDescriptor.string("endIp").mandatory().maxLength(64).describedAs("the last reserved address"))
            .param(ParameterDescriptor.string("name").maxLength(255).describedAs("a name"))
            .param(ParameterDescriptor.string("description").maxLength(2048).describedAs("free text"))
            .param(ParameterDescriptor.uuid("resourceUuid").describedAs("uuid to give the reserved range instead of a generated one"))
            .rest(RestBinding.post("/l3-networks/{l3NetworkUuid}/reserved-ip-ranges"))
            .build();

    /** Wires the operation. */
    public AddReservedIpRangeOperation(L3NetworkStore store, L3NetworkManager l3s, NetworkEvents events) {
        super(DESCRIPTOR, "l3NetworkUuid", store, l3s, events);
    }

    private static String reservedUuid(OperationRequest request) {
        return request.has("resourceUuid") ? request.string("resourceUuid") : request.requestId();
    }

    @Override
    public void check(OperationRequest request) {
        L3NetworkEntity l3 = l3s.require(l3UuidOf(request));
        long start = Ipv4.parse(request.string("startIp"), "startIp");
        long end = Ipv4.parse(request.string("endIp"), "endIp");
        if (start > end) {
            throw ApiException.invalidArgument("startIp " + request.string("startIp") + " is after endIp " + request.string("endIp") + "; swap them");
        }
        if (l3.ipRanges().stream().noneMatch(r -> start >= r.start() && end <= r.end())) {
            throw ApiException.invalidArgument("the reserved range " + request.string("startIp") + "-" + request.string("endIp")
                    + " is not inside one IP range of " + l3.describe() + "; reserve addresses of one of its ranges");
        }
        if (store.findReserved(reservedUuid(request)) != null) {
            throw new ApiException(ErrorCode.CONFLICT, "a reserved IP range with uuid " + reservedUuid(request) + " already exists");
        }
        for (ReservedIpRangeEntity r : store.reservedOf(l3.getUuid())) {
            if (start <= r.end() && r.start() <= end) {
                throw new ApiException(ErrorCode.CONFLICT, "the reserved range overlaps the reserved range " + r.getStartIp()
                        + "-" + r.getEndIp() + " (" + r.getUuid() + ") of " + l3.describe());
            }
        }
    }

    @Override
    public Flow flow(OperationRequest request) {
        String l3Uuid = l3UuidOf(request);
        String uuid = reservedUuid(request);
        return Flow.named(DESCRIPTOR.name())
                .step("add-reserved-ip-range", ctx -> {
                    check(request);
                    Timestamp now = new Timestamp(System.currentTimeMillis());
                    ReservedIpRangeEntity r = new ReservedIpRangeEntity();
                    r.setUuid(uuid);
                    r.setL3NetworkUuid(l3Uuid);
                    r.setName(request.string("name"));
                    r.setDescription(request.string("description"));
                    r.setStartIp(Ipv4.format(Ipv4.parse(request.string("startIp"), "startIp")));
                    r.setEndIp(Ipv4.format(Ipv4.parse(request.string("endIp"), "endIp")));
                    r.setIpVersion(4);
                    r.setCreateDate(now);
                    r.setLastOpDate(now);
                    store.createReserved(r);
                }, ctx -> store.deleteReserved(uuid))
                .step("announce", ctx -> {
                    ReservedIpRangeInventory inv = store.findReserved(uuid).toInventory();
                    events.publish(EventType.CREATED, ReservedIpRangeInventory.RESOURCE_TYPE, uuid, inv);
                    ctx.result(OperationResult.inventory(inv));
                })
                .build();
    }
}
