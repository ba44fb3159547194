package io.kumo.compute.placement;

import io.kumo.api.offering.HostAllocatorStrategy;

import java.util.List;
import java.util.Set;

/**
 * What a VM needs from a host. Null fields are not constrained.
 *
 * @param cpuNum             vCPUs to reserve
 * @param memory             bytes to reserve
 * @param hypervisorType     the hypervisor type required, or null
 * @param zoneUuid           the zone required, or null
 * @param clusterUuid        the cluster requested, or null (relaxed in soft mode)
 * @param hostUuid           the host requested, or null (relaxed in soft mode)
 * @param hostTags           user tags the host must carry (relaxed in soft mode)
 * @param l3NetworkUuids     networks the host's cluster must reach
 * @param storageBytes       space an attached primary storage must have (0: any attached storage will do)
 * @param primaryStorageUuid a primary storage the host's cluster must be attached to, or null
 * @param excludedHostUuids  hosts never chosen (the source of a migration)
 * @param preferredHostUuid  a host tried first when it fits (the last host of a VM being started), or null
 * @param strategy           the name of a {@link HostAllocatorStrategy}
 * @param soft               whether requested cluster, host and tags may be ignored when no host meets them
 * @param imageZoneUuids     the zones whose backup storage can hand out the VM's image, or null if not constrained
 * @param architecture       the CPU architecture the image runs on, or null
 */
public record PlacementRequest(int cpuNum, long memory, String hypervisorType, String zoneUuid, String clusterUuid,
                               String hostUuid, List<String> hostTags, List<String> l3NetworkUuids,
                               long storageBytes, String primaryStorageUuid, Set<String> excludedHostUuids,
                               String preferredHostUuid, String strategy, boolean soft,
                               Set<String> imageZoneUuids, String architecture) {
    /** Canonical constructor: copies the collections, defaults the strategy. */
    public PlacementRequest {
        hostTags = hostTags == null ? List.of() : List.copyOf(hostTags);
        l3NetworkUuids = l3NetworkUuids == null ? List.of() : List.copyOf(l3NetworkUuids);
        excludedHostUuids = excludedHostUuids == null ? Set.of() : Set.copyOf(excludedHostUuids);
        strategy = strategy == null ? HostAllocatorStrategy.DEFAULT : strategy;
        imageZoneUuids = imageZoneUuids == null ? null : Set.copyOf(imageZoneUuids);
    }

    /** @param cpuNum vCPUs @param memory bytes @return a request constrained by capacity only */
    public static PlacementRequest of(int cpuNum, long memory) {
        return new PlacementRequest(cpuNum, memory, null, null, null, null, null, null, 0, null, null, null, null, false, null, null);
    }

    /** @param zone a zone @param cluster a cluster @param host a host @return a copy requesting them */
    public PlacementRequest within(String zone, String cluster, String host) {
        return new PlacementRequest(cpuNum, memory, hypervisorType, zone, cluster, host, hostTags, l3NetworkUuids,
                storageBytes, primaryStorageUuid, excludedHostUuids, preferredHostUuid, strategy, soft, imageZoneUuids, architecture);
    }

    /** @param l3s networks @param bytes storage space @param psUuid required storage or null @return a copy needing them */
    public PlacementRequest reaching(List<String> l3s, long bytes, String psUuid) {
        return new PlacementRequest(cpuNum, memory, hypervisorType, zoneUuid, clusterUuid, hostUuid, hostTags, l3s,
                bytes, psUuid, excludedHostUuids, preferredHostUuid, strategy, soft, imageZoneUuids, architecture);
    }

    /** @param tags host tags @param softMode soft or hard @return a copy with these tags and mode */
    public PlacementRequest tagged(List<String> tags, boolean softMode) {
        return new PlacementRequest(cpuNum, memory, hypervisorType, zoneUuid, clusterUuid, hostUuid, tags,
                l3NetworkUuids, storageBytes, primaryStorageUuid, excludedHostUuids, preferredHostUuid, strategy, softMode,
                imageZoneUuids, architecture);
    }

    /** @param name a strategy name @param preferred a preferred host or null @return a copy ordering hosts so */
    public PlacementRequest ordered(String name, String preferred) {
        return new PlacementRequest(cpuNum, memory, hypervisorType, zoneUuid, clusterUuid, hostUuid, hostTags,
                l3NetworkUuids, storageBytes, primaryStorageUuid, excludedHostUuids, preferred, name, soft, imageZoneUuids,
                architecture);
    }

    /** @param type a hypervisor type or null @param excluded hosts to avoid @return a copy with them */
    public PlacementRequest restricted(String type, Set<String> excluded) {
        return new PlacementRequest(cpuNum, memory, type, zoneUuid, clusterUuid, hostUuid, hostTags, l3NetworkUuids,
                storageBytes, primaryStorageUuid, excluded, preferredHostUuid, strategy, soft, imageZoneUuids, architecture);
    }

    /** @param zones zones that can hand out the image @param arch the image's architecture or null @return a copy needing them */
    public PlacementRequest image(Set<String> zones, String arch) {
        return new PlacementRequest(cpuNum, memory, hypervisorType, zoneUuid, clusterUuid, hostUuid, hostTags,
                l3NetworkUuids, storageBytes, primaryStorageUuid, excludedHostUuids, preferredHostUuid, strategy, soft, zones, arch);
    }

    /** @return a copy without the constraints soft mode may relax */
    PlacementRequest relaxed() {
        return new PlacementRequest(cpuNum, memory, hypervisorType, zoneUuid, null, null, null, l3NetworkUuids,
                storageBytes, primaryStorageUuid, excludedHostUuids, preferredHostUuid, strategy, false, imageZoneUuids, architecture);
    }

    /** @return true if a constraint soft mode may relax is set */
    boolean hasRelaxableConstraints() { return clusterUuid != null || hostUuid != null || !hostTags.isEmpty(); }
}
