package io.kumo.compute.network.l2;

import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.job.StepContext;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.tag.TagService;
import io.kumo.api.zone.ZoneService;
import io.kumo.compute.network.NetworkEvents;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code POST /l2-networks/vxlan}: a VXLAN network of a pool, with a VNI unique in the pool and inside one of its VNI
 * ranges: the one asked for, or the first free one.
 */
public class CreateL2VxlanNetworkOperation extends CreateL2NetworkOperation {
    /** Wires the operation. */
    public CreateL2VxlanNetworkOperation(L2NetworkStore store, L2NetworkManager l2s, ZoneService zones, TagService tags,
                                         NetworkEvents events) {
        super(common("CreateL2VxlanNetwork", "Create a VXLAN network in a VXLAN network pool", "/l2-networks/vxlan", false)
                .param(ParameterDescriptor.uuid("poolUuid").mandatory().describedAs("the VXLAN network pool"))
                .param(ParameterDescriptor.integer("vni").range(1, 16777214).describedAs("the VNI; default: the first free VNI of the pool's ranges")),
                store, l2s, zones, tags, events);
    }

    @Override protected String type() { return L2NetworkEntity.VXLAN; }

    /** Serialized on the pool, so that two requests cannot take the same VNI. */
    @Override
    public String serializationKey(OperationRequest request) { return request.string("poolUuid"); }

    @Override
    protected void checkType(OperationRequest request) { vniFor(request); }

    @Override
    protected void fill(L2NetworkEntity l2, OperationRequest request, StepContext ctx) {
        l2.setPoolUuid(request.string("poolUuid"));
        l2.setVni(vniFor(request));
        l2.setPhysicalInterface(store.find(request.string("poolUuid")).getPhysicalInterface());
    }

    /** @return the VNI to use @throws ApiException if the pool is not one, or the VNI is taken or outside its ranges */
    private int vniFor(OperationRequest request) {
        L2NetworkEntity pool = l2s.require(request.string("poolUuid"));
        if (!L2NetworkEntity.VXLAN_POOL.equals(pool.getType())) {
            throw ApiException.invalidArgument(pool.describe() + " is a " + pool.getType() + ", not a VxlanNetworkPool; pass the uuid of a VXLAN network pool");
        }
        if (!pool.getZoneUuid().equals(request.string("zoneUuid"))) {
            throw ApiException.invalidArgument(pool.describe() + " is in zone " + pool.getZoneUuid() + ", not in zone " + request.string("zoneUuid"));
        }
        List<VniRangeEntity> ranges = store.vniRangesOf(pool.getUuid());
        Set<Integer> used = new HashSet<>(store.vnisInUse(pool.getUuid()));
        Integer vni = request.integer("vni");
        if (vni != null) {
            if (ranges.stream().noneMatch(r -> vni >= r.getStartVni() && vni <= r.getEndVni())) {
                throw ApiException.invalidArgument("VNI " + vni + " is not in any VNI range of " + pool.describe() + "; add a VNI range containing it, or omit vni");
            }
            if (used.contains(vni)) {
                throw new ApiException(ErrorCode.CONFLICT, "VNI " + vni + " is already used in " + pool.describe() + "; pick another, or omit vni");
            }
            return vni;
        }
        for (VniRangeEntity r : ranges) {
            for (int v = r.getStartVni(); v <= r.getEndVni(); v++) {
                if (!used.contains(v)) {
                    return v;
                }
            }
        }
        throw new ApiException(ErrorCode.NO_CAPACITY, pool.describe() + " has no free VNI; add a VNI range (CreateVniRange)");
    }
}
