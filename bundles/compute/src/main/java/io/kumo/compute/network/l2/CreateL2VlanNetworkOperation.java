package io.kumo.compute.network.l2;

import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.job.StepContext;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.tag.TagService;
import io.kumo.api.zone.ZoneService;
import io.kumo.compute.network.NetworkEvents;

/** {@code POST /l2-networks/vlan}: an L2 network of one VLAN on a host interface; a VLAN is used once per interface and zone. */
public class CreateL2VlanNetworkOperation extends CreateL2NetworkOperation {
    /** Wires the operation. */
    public CreateL2VlanNetworkOperation(L2NetworkStore store, L2NetworkManager l2s, ZoneService zones, TagService tags,
                                        NetworkEvents events) {
        super(common("CreateL2VlanNetwork", "Create an L2 network of one VLAN on a host interface", "/l2-networks/vlan", true)
                .param(ParameterDescriptor.integer("vlan").mandatory().range(1, 4094).describedAs("the VLAN id, 1 to 4094")),
                store, l2s, zones, tags, events);
    }

    @Override protected String type() { return L2NetworkEntity.VLAN; }

    /** Serialized per zone and interface, so that two requests cannot take the same VLAN. */
    @Override
    public String serializationKey(OperationRequest request) {
        return "vlan:" + request.string("zoneUuid") + ":" + request.string("physicalInterface");
    }

    @Override
    protected void checkType(OperationRequest request) {
        L2NetworkEntity user = store.vlanUser(request.string("zoneUuid"), request.string("physicalInterface"), request.integer("vlan"));
        if (user != null) {
            throw new ApiException(ErrorCode.CONFLICT, "VLAN " + request.integer("vlan") + " on interface "
                    + request.string("physicalInterface") + " is already used in this zone by " + user.describe()
                    + "; pick another VLAN or interface");
        }
    }

    @Override
    protected void fill(L2NetworkEntity l2, OperationRequest request, StepContext ctx) { l2.setVlan(request.integer("vlan")); }
}
