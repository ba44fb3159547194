package io.kumo.compute.volume;

/** {@code PUT /volumes/resize/{uuid}/actions {"resizeRootVolume":{"size":...}}}: grows a VM's root volume. */
public class ResizeRootVolumeOperation extends ResizeVolumeOperation {
    /** Wires the operation. */
    public ResizeRootVolumeOperation(VolumeManager volumes) {
        super(resize("ResizeRootVolume", "/volumes/resize/{uuid}/actions", "resizeRootVolume", "a root volume").build(),
                volumes, VolumeEntity.ROOT);
    }
}
