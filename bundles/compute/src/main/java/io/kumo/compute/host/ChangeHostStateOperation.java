package io.kumo.compute.host;

import io.kumo.api.event.EventPublisher;
import io.kumo.api.event.EventType;
import io.kumo.api.event.ResourceEvent;
import io.kumo.api.host.HostInventory;
import io.kumo.api.job.Flow;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.vm.VmService;

import java.util.List;

/**
 * {@code PUT /hosts/{uuid}/actions {"changeHostState":{"stateEvent":"enable|disable|maintain"}}}. Maintain moves the
 * host to {@code PreMaintenance}, has the VM service evacuate it (none registered: no VMs), then {@code Maintenance};
 * if evacuation fails the host returns to its previous state.
 */
public class ChangeHostStateOperation extends ExistingHostOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("ChangeHostState")
            .description("Enable or disable a host, or put it in maintenance after moving its VMs away")
            .kind(OperationKind.ACTION).resourceType(HostInventory.RESOURCE_TYPE).inventoryType(HostInventory.class)
            .param(ParameterDescriptor.uuid("uuid").mandatory().describedAs("the host"))
            .param(ParameterDescriptor.string("stateEvent").mandatory().oneOf("enable", "disable", "maintain")
                    .describedAs("enable, disable, or maintain (evacuates its VMs first)"))
            .rest(RestBinding.put("/hosts/{uuid}/actions", "changeHostState"))
            .build();

    private final List<VmService> vmServices;

    /**
     * Wires the operation.
     *
     * @param vmServices the VM service if one is registered (an empty list means no VMs exist)
     */
    public ChangeHostStateOperation(HostStore store, HostManager hosts, EventPublisher events, List<VmService> vmServices) {
        super(DESCRIPTOR, store, hosts, events);
        this.vmServices = vmServices;
    }

    @Override
    public void check(OperationRequest request) {
        HostStates.next(hosts.require(request.string("uuid")).getState(), request.string("stateEvent"));
    }

    @Override
    public Flow flow(OperationRequest request) {
        String uuid = request.string("uuid");
        String event = request.string("stateEvent");
        Flow.Builder flow = Flow.named(DESCRIPTOR.name());
        if ("maintain".equals(event)) {
            flow.step("pre-maintenance", ctx -> setState(ctx, uuid, HostStates.PRE_MAINTENANCE), ctx -> restoreState(ctx, uuid));
            flow.step("evacuate", ctx -> {
                if (HostStates.MAINTENANCE.equals(ctx.getString("oldState"))) {
                    return;
                }
                for (VmService vms : List.copyOf(vmServices)) {
                    vms.evacuate(uuid, line -> ctx.progress(50, line));
                }
            });
            flow.step("maintenance", ctx -> store.update(uuid, h -> h.setState(HostStates.MAINTENANCE)));
        } else {
            String target = HostStates.target(event);
            flow.step("change-state", ctx -> setState(ctx, uuid, target), ctx -> restoreState(ctx, uuid));
        }
        flow.step("announce", ctx -> {
            HostEntity h = hosts.require(uuid);
            HostInventory inv = hosts.toInventory(h);
            ctx.result(OperationResult.inventory(inv));
            String old = ctx.getString("oldState");
            if (!h.getState().equals(old)) {
                events.publish(new ResourceEvent(EventType.STATE_CHANGED, HostInventory.RESOURCE_TYPE, uuid, inv, old, h.getState(), null, null));
            }
        });
        return flow.build();
    }

    private void setState(io.kumo.api.job.StepContext ctx, String uuid, String state) {
        HostEntity h = hosts.require(uuid);
        HostStates.next(h.getState(), ctx.request().string("stateEvent"));  // the state may have changed since check
        ctx.put("oldState", h.getState());
        if (!HostStates.MAINTENANCE.equals(h.getState()) || !HostStates.PRE_MAINTENANCE.equals(state)) {
            store.update(uuid, x -> x.setState(state));
        }
    }

    private void restoreState(io.kumo.api.job.StepContext ctx, String uuid) {
        if (ctx.get("oldState") != null) {
            store.update(uuid, h -> h.setState(ctx.getString("oldState")));
        }
    }
}
