package io.kumo.compute.offering;

import io.kumo.api.event.EventPublisher;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.tag.TagService;

import java.sql.Timestamp;
import java.util.List;

/** {@code POST /disk-offerings}: the size of data volumes. */
public class CreateDiskOfferingOperation extends CreateOfferingOperation {
    /** ZStack's primary storage allocation strategy by default. */
    static final String DEFAULT_ALLOCATOR = "DefaultPrimaryStorageAllocationStrategy";

    /** Wires the operation. */
    public CreateDiskOfferingOperation(OfferingStore store, TagService tags, EventPublisher events) {
        super(OfferingKind.DISK, "Create a disk offering: the size of data volumes", List.of(
                ParameterDescriptor.longParam("diskSize").mandatory().range(1, Long.MAX_VALUE).describedAs("bytes, more than 0"),
                ParameterDescriptor.string("allocatorStrategy").range(1, 64).withDefault(DEFAULT_ALLOCATOR)
                        .describedAs("how primary storage is chosen for its volumes")),
                store, tags, events);
    }

    @Override
    OfferingEntity newOffering(OperationRequest request, String uuid) {
        Timestamp now = new Timestamp(System.currentTimeMillis());
        DiskOfferingEntity o = new DiskOfferingEntity();
        o.setUuid(uuid);
        o.setName(request.string("name"));
        o.setDescription(request.string("description"));
        o.setDiskSize(request.longValue("diskSize"));
        o.setAllocatorStrategy(request.string("allocatorStrategy"));
        o.setType("zstack");
        o.setSortKey(request.integer("sortKey"));
        o.setState("Enabled");
        o.setCreateDate(now);
        o.setLastOpDate(now);
        return o;
    }
}
