package io.kumo.compute.offering;

import io.kumo.api.event.EventPublisher;
import io.kumo.api.offering.HostAllocatorStrategy;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.tag.TagService;

import java.sql.Timestamp;
import java.util.List;

/** {@code POST /instance-offerings}: the size of VMs. */
public class CreateInstanceOfferingOperation extends CreateOfferingOperation {
    /** The least memory a VM may have: 16 MiB. */
    static final long MIN_MEMORY = 16L << 20;

    /** Wires the operation. */
    public CreateInstanceOfferingOperation(OfferingStore store, TagService tags, EventPublisher events) {
        super(OfferingKind.INSTANCE, "Create an instance offering: the vCPUs and memory of VMs", List.of(
                ParameterDescriptor.integer("cpuNum").mandatory().range(1, 1024).describedAs("vCPUs"),
                ParameterDescriptor.longParam("memorySize").mandatory().range(MIN_MEMORY, Long.MAX_VALUE).describedAs("memory in bytes, at least 16 MiB"),
                ParameterDescriptor.longParam("cpuSpeed").range(0, Long.MAX_VALUE).withDefault("0").describedAs("CPU speed in MHz (informational)"),
                ParameterDescriptor.string("allocatorStrategy").oneOf(HostAllocatorStrategy.ALL.toArray(String[]::new))
                        .withDefault(HostAllocatorStrategy.DEFAULT).describedAs("how hosts are chosen for its VMs"),
                ParameterDescriptor.string("type").oneOf("UserVm").withDefault("UserVm").describedAs("UserVm")),
                store, tags, events);
    }

    @Override
    OfferingEntity newOffering(OperationRequest request, String uuid) {
        Timestamp now = new Timestamp(System.currentTimeMillis());
        InstanceOfferingEntity o = new InstanceOfferingEntity();
        o.setUuid(uuid);
        o.setName(request.string("name"));
        o.setDescription(request.string("description"));
        o.setCpuNum(request.integer("cpuNum"));
        o.setMemorySize(request.longValue("memorySize"));
        o.setCpuSpeed(request.longValue("cpuSpeed"));
        o.setAllocatorStrategy(request.string("allocatorStrategy"));
        o.setType(request.string("type"));
        o.setSortKey(request.integer("sortKey"));
        o.setState("Enabled");
        o.setCreateDate(now);
        o.setLastOpDate(now);
        return o;
    }
}
