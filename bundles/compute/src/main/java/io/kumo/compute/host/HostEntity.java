package io.kumo.compute.host;

import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A host row; its attribute names are the query fields of {@code GET /hosts}. It keeps the physical capacity the host
 * reported, what is reserved on it, and the capacity offered after the over-provisioning ratios (see
 * {@link OverProvisioning}): {@code total*Capacity} and {@code available*Capacity} are columns, so that they can be
 * queried and sorted on as in ZStack; they are recomputed for every host when a ratio changes. How to reach the host (credentials included) is kept apart in {@link HostConnectionEntity},
 * out of reach of queries.
 */
@Entity
@Table(name = "HostVO")
public class HostEntity {
    @Id
    private String uuid;
    private String name;
    private String description;
    private String zoneUuid;
    private String clusterUuid;
    private String managementIp;
    private String hypervisorType;
    private String state;
    private String status;
    private int cpuNum;
    private int cpuSockets;
    private long memory;
    private long usedCpu;
    private long usedMemory;
    private long totalCpuCapacity;
    private long availableCpuCapacity;
    private long totalMemoryCapacity;
    private long availableMemoryCapacity;
    private String architecture;
    private Timestamp createDate;
    private Timestamp lastOpDate;

    /** @return every column, dates as epoch millis: what a job keeps to restore the row exactly */
    public Map<String, Object> snapshot() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("uuid", uuid);
        m.put("name", name);
        m.put("description", description);
        m.put("zoneUuid", zoneUuid);
        m.put("clusterUuid", clusterUuid);
        m.put("managementIp", managementIp);
        m.put("hypervisorType", hypervisorType);
        m.put("state", state);
        m.put("status", status);
        m.put("cpuNum", cpuNum);
        m.put("cpuSockets", cpuSockets);
        m.put("memory", memory);
        m.put("usedCpu", usedCpu);
        m.put("usedMemory", usedMemory);
        m.put("totalCpuCapacity", totalCpuCapacity);
        m.put("availableCpuCapacity", availableCpuCapacity);
        m.put("totalMemoryCapacity", totalMemoryCapacity);
        m.put("availableMemoryCapacity", availableMemoryCapacity);
        m.put("architecture", architecture);
        m.put("createDate", createDate.getTime());
        m.put("lastOpDate", lastOpDate.getTime());
        return m;
    }

    /** @param m a {@link #snapshot()} (possibly read back from JSON) @return the row it describes */
    public static HostEntity fromSnapshot(Map<?, ?> m) {
        HostEntity h = new HostEntity();
        h.setUuid((String) m.get("uuid"));
        h.setName((String) m.get("name"));
        h.setDescription((String) m.get("description"));
        h.setZoneUuid((String) m.get("zoneUuid"));
        h.setClusterUuid((String) m.get("clusterUuid"));
        h.setManagementIp((String) m.get("managementIp"));
        h.setHypervisorType((String) m.get("hypervisorType"));
        h.setState((String) m.get("state"));
        h.setStatus((String) m.get("status"));
        h.setCpuNum(((Number) m.get("cpuNum")).intValue());
        h.setCpuSockets(((Number) m.get("cpuSockets")).intValue());
        h.setMemory(((Number) m.get("memory")).longValue());
        h.setUsedCpu(((Number) m.get("usedCpu")).longValue());
        h.setUsedMemory(((Number) m.get("usedMemory")).longValue());
        h.totalCpuCapacity = ((Number) m.get("totalCpuCapacity")).longValue();
        h.availableCpuCapacity = ((Number) m.get("availableCpuCapacity")).longValue();
        h.totalMemoryCapacity = ((Number) m.get("totalMemoryCapacity")).longValue();
        h.availableMemoryCapacity = ((Number) m.get("availableMemoryCapacity")).longValue();
        h.setArchitecture((String) m.get("architecture"));
        h.setCreateDate(new Timestamp(((Number) m.get("createDate")).longValue()));
        h.setLastOpDate(new Timestamp(((Number) m.get("lastOpDate")).longValue()));
        return h;
    }

    /**
     * Recomputes the capacity offered from the physical capacity, the reservations and the ratios.
     *
     * @param cpuRatio    vCPUs per physical thread
     * @param memoryRatio bytes per physical byte
     */
    public void applyRatios(double cpuRatio, double memoryRatio) {
        totalCpuCapacity = OverProvisioning.total(cpuNum, cpuRatio);
        availableCpuCapacity = totalCpuCapacity - usedCpu;
        totalMemoryCapacity = OverProvisioning.total(memory, memoryRatio);
        availableMemoryCapacity = totalMemoryCapacity - usedMemory;
    }

    public long getTotalCpuCapacity() { return totalCpuCapacity; }
    /** @return vCPUs not reserved; negative after a ratio was lowered below what is reserved */
    public long getAvailableCpuCapacity() { return availableCpuCapacity; }
    public long getTotalMemoryCapacity() { return totalMemoryCapacity; }
    /** @return bytes not reserved; negative after a ratio was lowered below what is reserved */
    public long getAvailableMemoryCapacity() { return availableMemoryCapacity; }

    public String getUuid() { return uuid; }
    public void setUuid(String uuid) { this.uuid = uuid; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getZoneUuid() { return zoneUuid; }
    public void setZoneUuid(String zoneUuid) { this.zoneUuid = zoneUuid; }
    public String getClusterUuid() { return clusterUuid; }
    public void setClusterUuid(String clusterUuid) { this.clusterUuid = clusterUuid; }
    public String getManagementIp() { return managementIp; }
    public void setManagementIp(String managementIp) { this.managementIp = managementIp; }
    public String getHypervisorType() { return hypervisorType; }
    public void setHypervisorType(String hypervisorType) { this.hypervisorType = hypervisorType; }
    public String getState() { return state; }
    public void setState(String state) { this.state = state; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public int getCpuNum() { return cpuNum; }
    public void setCpuNum(int cpuNum) { this.cpuNum = cpuNum; }
    public int getCpuSockets() { return cpuSockets; }
    public void setCpuSockets(int cpuSockets) { this.cpuSockets = cpuSockets; }
    public long getMemory() { return memory; }
    public void setMemory(long memory) { this.memory = memory; }
    public long getUsedCpu() { return usedCpu; }
    public void setUsedCpu(long usedCpu) { this.usedCpu = usedCpu; }
    public long getUsedMemory() { return usedMemory; }
    public void setUsedMemory(long usedMemory) { this.usedMemory = usedMemory; }
    public String getArchitecture() { return architecture; }
    public void setArchitecture(String architecture) { this.architecture = architecture; }
    public Timestamp getCreateDate() { return createDate; }
    public void setCreateDate(Timestamp createDate) { this.createDate = createDate; }
    public Timestamp getLastOpDate() { return lastOpDate; }
    public void setLastOpDate(Timestamp lastOpDate) { this.lastOpDate = lastOpDate; }
}
