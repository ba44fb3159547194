package io.kumo.api.network;

import java.sql.Timestamp;

/**
 * A range of VXLAN network identifiers of a VXLAN network pool (ZStack's VniRangeInventory).
 *
 * @param uuid          the range uuid
 * @param name          its name
 * @param description   free text, or null
 * @param l2NetworkUuid the VXLAN network pool
 * @param startVni      the first VNI
 * @param endVni        the last VNI
 * @param createDate    when it was created
 * @param lastOpDate    when it last changed
 */
public record VniRangeInventory(String uuid, String name, String description, String l2NetworkUuid, int startVni,
                                int endVni, Timestamp createDate, Timestamp lastOpDate) {
    /** The resource type name used in events. */
    public static final String RESOURCE_TYPE = "vniRange";
}
