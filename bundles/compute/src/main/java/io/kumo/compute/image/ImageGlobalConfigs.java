package io.kumo.compute.image;

import io.kumo.api.config.GlobalConfigDefinition;
import io.kumo.api.config.GlobalConfigProvider;
import io.kumo.api.operation.ParamType;

import java.util.List;

/** The image settings, with ZStack's names and defaults. */
public class ImageGlobalConfigs implements GlobalConfigProvider {
    /** ZStack's image category. */
    public static final String IMAGE = "image";
    /** What deleting an image does. */
    public static final String DELETION_POLICY = "deletionPolicy";
    /** Expunge at once. */
    public static final String DIRECT = "Direct";

    @Override
    public List<GlobalConfigDefinition> definitions() {
        return List.of(new GlobalConfigDefinition(IMAGE, DELETION_POLICY, ParamType.STRING, "Delay",
                "What DeleteImage does: Direct expunges the image at once (its copies are deleted from backup storage); "
                        + "Delay and Never move it to the recycle bin (status Deleted), from which RecoverImage brings it "
                        + "back and ExpungeImage removes it.", null, null, List.of(DIRECT, "Delay", "Never")));
    }
}
