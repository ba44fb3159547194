package io.kumo.compute.network.l2;

import io.kumo.api.tag.TagService;
import io.kumo.api.zone.ZoneService;
import io.kumo.compute.network.NetworkEvents;

/** {@code POST /l2-networks/vxlan-pool}: a pool of VXLAN networks; its VNI ranges say which VNIs they may use. */
public class CreateL2VxlanNetworkPoolOperation extends CreateL2NetworkOperation {
    /** Wires the operation. */
    public CreateL2VxlanNetworkPoolOperation(L2NetworkStore store, L2NetworkManager l2s, ZoneService zones, TagService tags,
                                             NetworkEvents events) {
        super(common("CreateL2VxlanNetworkPool", "Create a VXLAN network pool; attach it to clusters and give it VNI ranges",
                "/l2-networks/vxlan-pool", false), store, l2s, zones, tags, events);
    }

    @Override protected String type() { return L2NetworkEntity.VXLAN_POOL; }
}
