package io.kumo.core.audit;

import io.kumo.api.config.GlobalConfigService;
import io.kumo.api.error.ApiError;
import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.inventory.Uuids;
import io.kumo.api.operation.Caller;
import io.kumo.api.operation.Operation;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRegistry;
import io.kumo.api.operation.Submission;
import io.kumo.core.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the audit record of one operation call as {@code OperationServiceImpl.submit} ends, whatever the channel and
 * outcome, and queues it on the {@link AuditWriter}. Queries are audited only when {@code audit.reads} is true, or
 * when they were refused (401, 403). Never throws: auditing must not change a call's outcome.
 */
public class AuditRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(AuditRecorder.class);
    private static final int MAX_REQUEST_CHARS = 16_000;
    private static final String REST_ROOT = "/zstack/v1";

    private final OperationRegistry registry;
    private final GlobalConfigService config;
    private final AuditWriter writer;

    /**
     * @param registry finds the called operation's descriptor (secret parameters, kind, REST path)
     * @param config   reads {@code audit.reads}
     * @param writer   writes records in batches
     */
    public AuditRecorder(OperationRegistry registry, GlobalConfigService config, AuditWriter writer) {
        this.registry = registry;
        this.config = config;
        this.writer = writer;
    }

    /**
     * Records one call.
     *
     * @param operation   the operation name as called
     * @param rawParams   its parameters as received
     * @param systemTags  system tags, or null
     * @param userTags    user tags, or null
     * @param caller      who called
     * @param startMillis when the call arrived
     * @param submission  its outcome, or null if it failed
     * @param failure     its failure, or null
     */
    public void record(String operation, Map<String, Object> rawParams, List<String> systemTags, List<String> userTags,
                       Caller caller, long startMillis, Submission submission, Throwable failure) {
        try {
            OperationDescriptor d = registry.find(operation).map(Operation::descriptor).orElse(null);
            if (d != null && d.kind() == OperationKind.QUERY && !refused(failure) && !auditReads()) {
                return;
            }
            writer.submit(build(d, operation, rawParams, systemTags, userTags, caller, startMillis, submission, failure,
                    System.currentTimeMillis()));
        } catch (RuntimeException e) {
            LOG.error("could not audit a call of {}", operation, e);
        }
    }

    private boolean auditReads() {
        try {
            return config.booleanValue(AuditGlobalConfigs.AUDIT, AuditGlobalConfigs.READS);
        } catch (RuntimeException e) {
            return false;  // the setting is not registered yet
        }
    }

    private static boolean refused(Throwable failure) {
        if (failure instanceof ApiException api) {
            int status = api.error().httpStatus();
            return status == 401 || status == 403;
        }
        return false;
    }

    /**
     * Builds the record of a call (visible for tests).
     *
     * @param d            the operation's descriptor, or null if no such operation is registered
     * @param finishMillis when the call ended
     * @return the record, not yet persisted
     */
    static AuditEntity build(OperationDescriptor d, String operation, Map<String, Object> rawParams, List<String> systemTags,
                             List<String> userTags, Caller caller, long startMillis, Submission submission, Throwable failure,
                             long finishMillis) {
        Map<String, Object> params = rawParams == null ? Map.of() : rawParams;
        AuditEntity a = new AuditEntity();
        a.setUuid(Uuids.random());
        a.setOperationName(text(d != null ? d.name() : operation, 128));
        if (d != null) {
            a.setKind(d.kind().name());
            a.setMutating(d.kind().mutating());
            a.setResourceType(text(d.resourceType(), 128));
            d.rest().ifPresent(r -> a.setApiName(text(r.method() + " " + REST_ROOT + r.path(), 512)));
        }
        a.setChannel(text(caller.channel(), 32));
        a.setClientIp(text(caller.clientIp(), 64));
        a.setAccountUuid(caller.accountUuid());
        a.setAccountName(text(caller.accountName(), 255));
        a.setUserUuid(caller.userUuid());
        a.setStartDate(new Timestamp(startMillis));

        // a session's uuid is its bearer credential: never recorded
        boolean credential = d != null && "session".equals(d.resourceType());
        Map<String, Object> inventory = submission == null || submission.result() == null ? Map.of()
                : inventoryOf(submission.result().body());
        Object resultUuid = credential ? null : inventory.get("uuid");
        a.setResourceUuid(text(first(params.get("uuid"), params.get("resourceUuid"), resultUuid), 255));
        a.setResourceName(text(first(params.get("name"), nameParam(d, params), inventory.get("name")), 255));
        if (caller.isAnonymous() && inventory.get("accountUuid") != null) {
            // a login: the session names the operator
            a.setAccountUuid(text(inventory.get("accountUuid"), 32));
            a.setAccountName(text(params.get("accountName"), 255));
            a.setUserUuid(text(inventory.get("userUuid"), 32));
        }
        a.setDescription(OperationDescriptions.describe(a.getOperationName(), target(a)));

        Map<String, Object> request = new LinkedHashMap<>();
        request.put("params", AuditRedaction.params(d, params));
        request.put("systemTags", AuditRedaction.tags(systemTags));
        request.put("userTags", AuditRedaction.tags(userTags));
        String dump = Json.write(request);
        a.setRequestDump(dump.length() > MAX_REQUEST_CHARS ? dump.substring(0, MAX_REQUEST_CHARS) + "...(truncated)" : dump);

        if (failure != null) {
            ApiError error = failure instanceof ApiException api ? api.error()
                    : ApiError.of(ErrorCode.INTERNAL, failure.getClass().getSimpleName());
            a.setResult(AuditStore.FAILED);
            a.setErrorCode(text(error.code(), 64));
            a.setErrorMessage(text(error.details() != null ? error.details() : error.description(), 2048));
        } else if (submission != null && submission.isJob()) {
            a.setResult(AuditStore.RUNNING);
            a.setJobUuid(submission.jobId());
            return a;
        } else {
            a.setResult(AuditStore.SUCCEEDED);
        }
        a.setFinishDate(new Timestamp(finishMillis));
        a.setDuration(Math.max(0, finishMillis - startMillis));
        return a;
    }

    /** The first string parameter named {@code ...Name} (e.g. a login's {@code accountName}). */
    private static Object nameParam(OperationDescriptor d, Map<String, Object> params) {
        if (d == null) {
            return null;
        }
        for (String p : d.parameters().keySet()) {
            if (p.endsWith("Name") && params.get(p) instanceof String s && !AuditRedaction.secretName(p)) {
                return s;
            }
        }
        return null;
    }

    /** @return the name, else the uuid, of a record's resource, or null */
    static String target(AuditEntity a) {
        return a.getResourceName() != null ? a.getResourceName() : a.getResourceUuid();
    }

    /** @param body a result body @return its {@code inventory} object, or an empty map */
    @SuppressWarnings("unchecked")
    static Map<String, Object> inventoryOf(Map<String, Object> body) {
        Object inv = body == null ? null : body.get("inventory");
        if (inv instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        if (inv != null && !(inv instanceof String) && !(inv instanceof Number) && !(inv instanceof Boolean)) {
            try {
                return Json.toMap(inv);
            } catch (RuntimeException e) {
                return Map.of();
            }
        }
        return Map.of();
    }

    private static Object first(Object... values) {
        for (Object v : values) {
            if (v instanceof String s && !s.isBlank()) {
                return s;
            }
        }
        return null;
    }

    /** @return the value as a string cut to {@code max} characters, or null */
    static String text(Object value, int max) {
        if (value == null) {
            return null;
        }
        String s = value.toString();
        return s.length() > max ? s.substring(0, max) : s;
    }
}
