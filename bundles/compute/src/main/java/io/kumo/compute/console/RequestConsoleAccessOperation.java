package io.kumo.compute.console;

import io.kumo.api.operation.AccessLevel;
import io.kumo.api.config.GlobalConfigService;
import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.hypervisor.ConsoleEndpoint;
import io.kumo.api.hypervisor.HypervisorBackend;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.operation.SyncOperation;
import io.kumo.compute.vm.VmInstanceEntity;
import io.kumo.compute.vm.VmLifecycle;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /consoles {"params":{"vmInstanceUuid":...}}}: opens the console of a running VM through this node's
 * console proxy. Asks the hypervisor where the console listens ({@code consoleEndpoint}) and answers ZStack's
 * ConsoleInventory: {@code scheme} ({@code ws}), {@code hostname} and {@code port} of the proxy, and a single-use
 * {@code token} valid for {@code console.token.timeout} seconds; the client opens
 * {@code ws://hostname:port/websockify?token=...}. Answered by the node that receives it (the token lives there).
 */
public class RequestConsoleAccessOperation implements SyncOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("RequestConsoleAccess")
            .description("Get a one-time address to open the graphical console of a running VM")
            .kind(OperationKind.CREATE).async(false).resourceType("console").access(AccessLevel.TENANT)
            .param(ParameterDescriptor.uuid("vmInstanceUuid").mandatory().describedAs("the VM"))
            .rest(RestBinding.post("/consoles"))
            .build();

    private final VmLifecycle vms;
    private final ConsoleTokens tokens;
    private final ConsoleProxy proxy;
    private final GlobalConfigService config;

    /** Wires the operation. */
    public RequestConsoleAccessOperation(VmLifecycle vms, ConsoleTokens tokens, ConsoleProxy proxy, GlobalConfigService config) {
        this.vms = vms;
        this.tokens = tokens;
        this.proxy = proxy;
        this.config = config;
    }

    @Override public OperationDescriptor descriptor() { return DESCRIPTOR; }

    @Override
    public OperationResult execute(OperationRequest request) {
        VmInstanceEntity vm = vms.require(request.string("vmInstanceUuid"));
        if (!"Running".equals(vm.getState()) || vm.getHostUuid() == null) {
            throw new ApiException(ErrorCode.INVALID_STATE, "VM " + vm.getUuid() + " is " + vm.getState()
                    + "; its console opens only while it is Running: start it first");
        }
        if (!proxy.running()) {
            throw new ApiException(ErrorCode.UNAVAILABLE, "the console proxy of this management node is not listening;"
                    + " check address and port in etc/io.kumo.console.proxy.cfg and the node's log");
        }
        String host = vm.getHostUuid();
        ConsoleEndpoint endpoint;
        try {
            endpoint = vms.hypervisor(host).consoleEndpoint(vms.connection(host), vms.spec(vm.getUuid(), host));
        } catch (HypervisorBackend.Unsupported e) {
            throw new ApiException(ErrorCode.NOT_SUPPORTED, "consoles are not supported by the backend of host " + host
                    + ": " + e.getMessage());
        } catch (ApiException e) {
            throw e;
        } catch (Exception e) {
            throw new ApiException(ErrorCode.OPERATION_FAILED, "host " + host + " could not tell where the console of VM "
                    + vm.getUuid() + " listens: " + e.getMessage());
        }
        long ttl = config.longValue(ConsoleGlobalConfigs.CATEGORY, ConsoleGlobalConfigs.TOKEN_TIMEOUT);
        String token = tokens.issue(vm.getUuid(), endpoint, ttl * 1000);
        Map<String, Object> inventory = new LinkedHashMap<>();
        inventory.put("scheme", "ws");
        inventory.put("hostname", proxy.hostname());
        inventory.put("port", proxy.port());
        inventory.put("token", token);
        inventory.put("vmInstanceUuid", vm.getUuid());
        inventory.put("expiresInSeconds", ttl);
        return OperationResult.inventory(inventory);
    }

}
