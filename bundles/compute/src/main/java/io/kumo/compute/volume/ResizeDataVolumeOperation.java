package io.kumo.compute.volume;

/** {@code PUT /volumes/data/resize/{uuid}/actions {"resizeDataVolume":{"size":...}}}: grows a data volume. */
public class ResizeDataVolumeOperation extends ResizeVolumeOperation {
    /** Wires the operation. */
    public ResizeDataVolumeOperation(VolumeManager volumes) {
        super(resize("ResizeDataVolume", "/volumes/data/resize/{uuid}/actions", "resizeDataVolume", "a data volume").build(),
                volumes, VolumeEntity.DATA);
    }
}
