package io.kumo.core.operation;

import io.kumo.api.bus.MessageBus;
import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.identity.AuthenticationService;
import io.kumo.api.node.ClusterService;
import io.kumo.api.operation.AsyncOperation;
import io.kumo.api.operation.Caller;
import io.kumo.api.operation.Operation;
import io.kumo.api.operation.OperationRegistry;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationService;
import io.kumo.api.operation.Submission;
import io.kumo.core.job.JobEngine;
import io.kumo.core.json.Json;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * This node's two bus endpoints: {@code kumo.node.<uuid>}, where other nodes (and this one) hand over asynchronous
 * operations this node owns; and {@code kumo.api}, where bus clients call any operation as REST clients do.
 */
public class OperationBusEndpoint {
    /** The queue where bus clients call operations. */
    public static final String API_ADDRESS = "kumo.api";

    private final MessageBus bus;
    private final ClusterService cluster;
    private final OperationRegistry registry;
    private final OperationService operations;
    private final AuthenticationService authentication;
    private final JobEngine engine;
    private AutoCloseable nodeQueue;
    private AutoCloseable apiQueue;

    /** Wires the endpoint. */
    public OperationBusEndpoint(MessageBus bus, ClusterService cluster, OperationRegistry registry, OperationService operations,
                             AuthenticationService authentication, JobEngine engine) {
        this.bus = bus;
        this.cluster = cluster;
        this.registry = registry;
        this.operations = operations;
        this.authentication = authentication;
        this.engine = engine;
    }

    /** @param nodeUuid a node @return the queue where it accepts the asynchronous operations it owns */
    public static String nodeAddress(String nodeUuid) { return "kumo.node." + nodeUuid; }

    /** Starts serving both queues. */
    public void start() {
        nodeQueue = bus.serve(nodeAddress(cluster.localNodeUuid()), this::acceptJob);
        apiQueue = bus.serve(API_ADDRESS, this::call);
    }

    /** Stops serving. */
    public void stop() throws Exception {
        if (nodeQueue != null) {
            nodeQueue.close();
        }
        if (apiQueue != null) {
            apiQueue.close();
        }
    }

    private String acceptJob(MessageBus.Message message) {
        OperationRequest request = Json.read(message.body(), OperationRequest.class);
        Operation op = registry.find(request.operation()).orElse(null);
        if (!(op instanceof AsyncOperation async)) {
            throw new ApiException(ErrorCode.UNAVAILABLE, request.operation() + " is not available on management node "
                    + cluster.localNodeUuid() + "; install the plugin providing it on every node");
        }
        return Json.write(Map.of("jobId", engine.accept(async, request)));
    }

    /** Body: {@code {"operation","params","systemTags","userTags","session"}}; reply {@code {"result"}} or {@code {"jobId"}}. */
    @SuppressWarnings("unchecked")
    private String call(MessageBus.Message message) {
        Map<String, Object> body;
        try {
            body = Json.readMap(message.body());
        } catch (IllegalArgumentException e) {
            throw new ApiException(ErrorCode.MALFORMED_REQUEST, "the message body must be a JSON object with operation, params and session");
        }
        Object name = body.get("operation");
        if (!(name instanceof String operation)) {
            throw new ApiException(ErrorCode.MALFORMED_REQUEST, "the message needs an \"operation\" string, e.g. \"QueryZone\"");
        }
        Object session = body.get("session");
        Caller caller = session instanceof String s ? authentication.authenticate(s, "bus", null) : Caller.anonymous("bus", null);
        Object params = body.getOrDefault("params", Map.of());
        if (!(params instanceof Map)) {
            throw new ApiException(ErrorCode.MALFORMED_REQUEST, "\"params\" must be a JSON object");
        }
        Submission s = operations.submit(operation, (Map<String, Object>) params, stringList(body.get("systemTags")),
                stringList(body.get("userTags")), caller);
        Map<String, Object> reply = new LinkedHashMap<>();
        if (s.isJob()) {
            reply.put("jobId", s.jobId());
        } else {
            reply.put("result", s.result().body());
        }
        return Json.write(reply);
    }

    @SuppressWarnings("unchecked")
    private static List<String> stringList(Object o) {
        if (o == null) {
            return List.of();
        }
        if (o instanceof List<?> l && l.stream().allMatch(e -> e instanceof String)) {
            return (List<String>) l;
        }
        throw new ApiException(ErrorCode.MALFORMED_REQUEST, "tags must be a list of strings");
    }
}
