package io.kumo.core.operation;

import io.kumo.api.bus.MessageBus;
import io.kumo.api.config.GlobalConfigService;
import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.inventory.Uuids;
import io.kumo.api.licence.LicenceService;
import io.kumo.api.node.ClusterService;
import io.kumo.api.operation.AsyncOperation;
import io.kumo.api.operation.Caller;
import io.kumo.api.operation.Operation;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationRegistry;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.OperationService;
import io.kumo.api.operation.Submission;
import io.kumo.api.operation.SyncOperation;
import io.kumo.core.audit.AuditRecorder;
import io.kumo.core.config.CoreGlobalConfigs;
import io.kumo.core.identity.AuthorizationManager;
import io.kumo.core.identity.ownership.OwnershipManager;
import io.kumo.core.json.Json;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The single path of every operation, whatever the channel: find it, authenticate and authorize the caller
 * ({@link AuthorizationManager}), validate parameters, then run
 * it — a synchronous operation here, an asynchronous one on the node owning its key, reached over the bus.
 */
public class OperationServiceImpl implements OperationService {
    private static final int MAX_TAGS = 100;
    private static final int MAX_TAG_LENGTH = 2048;

    private final OperationRegistry registry;
    private final ClusterService cluster;
    private final MessageBus bus;
    private final GlobalConfigService config;
    private final LicenceService licences;
    private final AuthorizationManager authorization;
    private final OwnershipManager ownership;
    private final AuditRecorder audit;

    /** Wires the service; {@code audit} records every call, or null (tests). */
    public OperationServiceImpl(OperationRegistry registry, ClusterService cluster, MessageBus bus, GlobalConfigService config,
                                LicenceService licences, AuthorizationManager authorization, OwnershipManager ownership,
                                AuditRecorder audit) {
        this.registry = registry;
        this.cluster = cluster;
        this.bus = bus;
        this.config = config;
        this.licences = licences;
        this.authorization = authorization;
        this.ownership = ownership;
        this.audit = audit;
    }

    /** Runs the call and audits it, whatever its outcome. */
    @Override
    public Submission submit(String operation, Map<String, Object> rawParams, List<String> systemTags, List<String> userTags,
                             Caller caller) {
        long start = System.currentTimeMillis();
        Submission submission = null;
        Throwable failure = null;
        try {
            submission = submitUnaudited(operation, rawParams, systemTags, userTags, caller);
            return submission;
        } catch (RuntimeException | Error e) {
            failure = e;
            throw e;
        } finally {
            if (audit != null) {
                audit.record(operation, rawParams, systemTags, userTags, caller, start, submission, failure);
            }
        }
    }

    private Submission submitUnaudited(String operation, Map<String, Object> rawParams, List<String> systemTags,
                                       List<String> userTags, Caller caller) {
        Operation op = registry.find(operation).orElseThrow(() -> new ApiException(ErrorCode.NO_SUCH_API,
                "no operation " + operation + " is registered now; list them with kumo:operations or GET /zstack/v1/openapi.json"));
        OperationDescriptor d = op.descriptor();
        if (!d.isPublic() && caller.isAnonymous()) {
            throw new ApiException(ErrorCode.UNAUTHENTICATED, d.name()
                    + " needs a session: log in with PUT /zstack/v1/accounts/login and send Authorization: OAuth <session uuid>");
        }
        // a licensed module's operations are refused without its licence; after expiry only its reads are served
        d.licensedModule().ifPresent(module -> licences.checkModule(module, d.kind().mutating()));
        // access level, user policies and ownership, before validation: a refusal reveals nothing and writes nothing
        Map<String, Object> authorized = authorization.authorize(d, rawParams == null ? Map.of() : rawParams, caller);
        Map<String, Object> params = ParameterValidator.validate(d, authorized);
        checkTags("systemTags", systemTags);
        checkTags("userTags", userTags);
        OperationRequest request = new OperationRequest(d.name(), params, systemTags, userTags, caller, Uuids.random());
        if (op instanceof SyncOperation sync) {
            OperationResult result = sync.execute(request);
            ownership.recordCreated(d, caller, result.body());
            return new Submission(result, null);
        }
        if (op instanceof AsyncOperation async) {
            return new Submission(null, sendToOwner(async, request));
        }
        throw new ApiException(ErrorCode.UNAVAILABLE, d.name() + " is neither synchronous nor asynchronous; its plugin is broken");
    }

    private String sendToOwner(AsyncOperation op, OperationRequest request) {
        String owner = cluster.ownerOf(op.serializationKey(request));
        Duration timeout = Duration.ofMillis(config.longValue(CoreGlobalConfigs.API, CoreGlobalConfigs.BUS_TIMEOUT));
        try {
            MessageBus.Message reply = bus.request(OperationBusEndpoint.nodeAddress(owner), Json.write(request), Map.of(), timeout).get();
            return String.valueOf(Json.readMap(reply.body()).get("jobId"));
        } catch (ExecutionException | CompletionException e) {
            if (e.getCause() instanceof ApiException api) {
                throw api;
            }
            throw new ApiException(ErrorCode.INTERNAL, "the owner node could not accept " + request.operation());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(ErrorCode.UNAVAILABLE, "interrupted while submitting " + request.operation());
        }
    }

    private static void checkTags(String name, List<String> tags) {
        if (tags == null) {
            return;
        }
        if (tags.size() > MAX_TAGS) {
            throw ApiException.invalidArgument(name + " takes at most " + MAX_TAGS + " tags");
        }
        for (String t : tags) {
            if (t == null || t.isBlank() || t.length() > MAX_TAG_LENGTH) {
                throw ApiException.invalidArgument(name + " must hold non-empty strings of at most " + MAX_TAG_LENGTH + " characters");
            }
        }
    }
}
