package io.kumo.core.audit;

import io.kumo.api.config.GlobalConfigDefinition;
import io.kumo.api.config.GlobalConfigProvider;
import io.kumo.api.operation.ParamType;

import java.util.List;

/** The audit log's global configuration settings (category {@code audit}). */
public class AuditGlobalConfigs implements GlobalConfigProvider {
    public static final String AUDIT = "audit";
    public static final String READS = "reads";
    public static final String RETENTION_DAYS = "retentionDays";

    @Override
    public List<GlobalConfigDefinition> definitions() {
        return List.of(
                new GlobalConfigDefinition(AUDIT, READS, ParamType.BOOLEAN, "false",
                        "Whether successful query operations (GET of resource lists) are audited too. Every other operation, "
                        + "logins and every refused call (401, 403) are audited always.", null, null, List.of()),
                new GlobalConfigDefinition(AUDIT, RETENTION_DAYS, ParamType.LONG, "90",
                        "Days audit records and operation log entries are kept before the housekeeper deletes them.",
                        1L, 36500L, List.of()));
    }
}
