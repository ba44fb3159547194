package io.kumo.compute.storage;

import io.kumo.api.config.GlobalConfigDefinition;
import io.kumo.api.config.GlobalConfigProvider;
import io.kumo.api.operation.ParamType;

import java.util.List;

/** The storage settings, with ZStack's names and defaults. */
public class StorageGlobalConfigs implements GlobalConfigProvider {
    /** ZStack's category of over-provisioning settings. */
    public static final String MEVOCO = "mevoco";
    /** How many bytes of volumes one byte of primary storage may hold. */
    public static final String PRIMARY_STORAGE_OVER_PROVISIONING = "overProvisioning.primaryStorage";

    @Override
    public List<GlobalConfigDefinition> definitions() {
        return List.of(new GlobalConfigDefinition(MEVOCO, PRIMARY_STORAGE_OVER_PROVISIONING, ParamType.DOUBLE, "1.0",
                "Over-provisioning ratio of primary storage: reserving N bytes of volumes takes N / ratio bytes of a "
                        + "storage's available capacity. 1.0 means no over-provisioning.", 1L, 1000L, List.of()));
    }
}
