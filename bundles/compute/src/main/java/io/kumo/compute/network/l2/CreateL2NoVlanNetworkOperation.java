package io.kumo.compute.network.l2;

import io.kumo.api.tag.TagService;
import io.kumo.api.zone.ZoneService;
import io.kumo.compute.network.NetworkEvents;

/** {@code POST /l2-networks/no-vlan}: an L2 network that is a host interface as it is. */
public class CreateL2NoVlanNetworkOperation extends CreateL2NetworkOperation {
    /** Wires the operation. */
    public CreateL2NoVlanNetworkOperation(L2NetworkStore store, L2NetworkManager l2s, ZoneService zones, TagService tags,
                                          NetworkEvents events) {
        super(common("CreateL2NoVlanNetwork", "Create an L2 network on a host interface without VLAN tagging",
                "/l2-networks/no-vlan", true), store, l2s, zones, tags, events);
    }

    @Override protected String type() { return L2NetworkEntity.NO_VLAN; }
}
