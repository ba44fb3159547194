package io.kumo.core.config;

import io.kumo.api.config.GlobalConfigDefinition;
import io.kumo.api.config.GlobalConfigProvider;
import io.kumo.api.operation.ParamType;

import java.util.List;

/** The kernel's global configuration settings, with their documented defaults. */
public class CoreGlobalConfigs implements GlobalConfigProvider {
    public static final String MANAGEMENT_NODE = "managementNode";
    public static final String HEARTBEAT_INTERVAL = "heartbeatInterval";
    public static final String NODE_TIMEOUT = "nodeTimeout";
    public static final String API = "api";
    public static final String BUS_TIMEOUT = "busTimeout";
    public static final String JOB_RETENTION_HOURS = "jobRetentionHours";
    public static final String IDENTITY = "identity";
    public static final String SESSION_TIMEOUT = "session.timeout";
    public static final String JOB = "job";
    public static final String DEBUG_STEP_DELAY = "debugStepDelay";

    private static GlobalConfigDefinition integer(String category, String name, long def, long min, long max, String description) {
        return new GlobalConfigDefinition(category, name, ParamType.LONG, Long.toString(def), description, min, max, List.of());
    }

    @Override
    public List<GlobalConfigDefinition> definitions() {
        return List.of(
                integer(MANAGEMENT_NODE, HEARTBEAT_INTERVAL, 5, 1, 300,
                        "Seconds between two heartbeats of a management node."),
                integer(MANAGEMENT_NODE, NODE_TIMEOUT, 30, 5, 3600,
                        "Seconds without a heartbeat after which a management node is considered gone and the others take over its resources and unfinished jobs."),
                integer(API, BUS_TIMEOUT, 30000, 100, 600000,
                        "Milliseconds a node waits for the owner node to accept an asynchronous operation before answering with a timeout error."),
                integer(API, JOB_RETENTION_HOURS, 24, 1, 8760,
                        "Hours a finished job stays queryable at /api-jobs/{id} before it is deleted."),
                integer(IDENTITY, SESSION_TIMEOUT, 7200, 60, 31536000,
                        "Seconds a login session stays valid."),
                integer(JOB, DEBUG_STEP_DELAY, 0, 0, 600000,
                        "Testing aid: milliseconds to pause before every job step, to observe progress or crash a node mid-job. Keep 0 in production."));
    }
}
