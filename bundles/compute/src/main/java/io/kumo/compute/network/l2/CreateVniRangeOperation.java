package io.kumo.compute.network.l2;

import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.event.EventType;
import io.kumo.api.job.Flow;
import io.kumo.api.network.VniRangeInventory;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.compute.network.NetworkEvents;

import java.sql.Timestamp;

/** {@code POST /l2-networks/vxlan-pool/{l2NetworkUuid}/vni-ranges}: VNIs a pool's VXLAN networks may use; ranges of a pool never overlap. */
public class CreateVniRangeOperation extends ExistingL2Operation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("CreateVniRange")
            .description("Add a range of VNIs to a VXLAN network pool")
            .kind(OperationKind.CREATE).resourceType(VniRangeInventory.RESOURCE_TYPE).inventoryType(VniRangeInventory.class)
            .param(ParameterDescriptor.uuid("l2NetworkUuid").mandatory().describedAs("the VXLAN network pool"))
            .param(ParameterDescriptor.string("name").mandatory().range(1, 255).describedAs("range name"))
            .param(ParameterDescriptor.string("description").maxLength(2048).describedAs("free text"))
            .param(ParameterDescriptor.integer("startVni").mandatory().range(1, 16777214).describedAs("the first VNI"))
            .param(ParameterDescriptor.integer("endVni").mandatory().range(1, 16777214).describedAs("the last VNI"))
            .param(ParameterDescriptor.uuid("resourceUuid").describedAs("uuid to give the range instead of a generated one"))
            .rest(RestBinding.post("/l2-networks/vxlan-pool/{l2NetworkUuid}/vni-ranges"))
            .build();

    /** Wires the operation. */
    public CreateVniRangeOperation(L2NetworkStore store, L2NetworkManager l2s, NetworkEvents events) {
        super(DESCRIPTOR, "l2NetworkUuid", store, l2s, events);
    }

    private static String rangeUuid(OperationRequest request) {
        return request.has("resourceUuid") ? request.string("resourceUuid") : request.requestId();
    }

    @Override
    public void check(OperationRequest request) {
        L2NetworkEntity pool = l2s.require(uuidOf(request));
        if (!L2NetworkEntity.VXLAN_POOL.equals(pool.getType())) {
            throw ApiException.invalidArgument(pool.describe() + " is a " + pool.getType() + ", not a VxlanNetworkPool");
        }
        int start = request.integer("startVni");
        int end = request.integer("endVni");
        if (start > end) {
            throw ApiException.invalidArgument("startVni " + start + " is greater than endVni " + end + "; swap them");
        }
        if (store.findVniRange(rangeUuid(request)) != null) {
            throw new ApiException(ErrorCode.CONFLICT, "a VNI range with uuid " + rangeUuid(request) + " already exists");
        }
        for (VniRangeEntity r : store.vniRangesOf(pool.getUuid())) {
            if (start <= r.getEndVni() && r.getStartVni() <= end) {
                throw new ApiException(ErrorCode.CONFLICT, "VNIs " + start + "-" + end + " overlap the VNI range \"" + r.getName()
                        + "\" (" + r.getUuid() + ", " + r.getStartVni() + "-" + r.getEndVni() + ") of " + pool.describe());
            }
        }
    }

    @Override
    public Flow flow(OperationRequest request) {
        String uuid = rangeUuid(request);
        return Flow.named(DESCRIPTOR.name())
                .step("create-vni-range", ctx -> {
                    check(request);  // again, serialized on the pool
                    Timestamp now = new Timestamp(System.currentTimeMillis());
                    VniRangeEntity r = new VniRangeEntity();
                    r.setUuid(uuid);
                    r.setName(request.string("name"));
                    r.setDescription(request.string("description"));
                    r.setL2NetworkUuid(uuidOf(request));
                    r.setStartVni(request.integer("startVni"));
                    r.setEndVni(request.integer("endVni"));
                    r.setCreateDate(now);
                    r.setLastOpDate(now);
                    store.createVniRange(r);
                }, ctx -> store.deleteVniRange(uuid))
                .step("announce", ctx -> {
                    VniRangeInventory inv = store.findVniRange(uuid).toInventory();
                    ctx.result(OperationResult.inventory(inv));
                    events.publish(EventType.CREATED, VniRangeInventory.RESOURCE_TYPE, uuid, inv);
                })
                .build();
    }
}
