package io.kumo.storage.qemuimg;

import java.nio.file.Path;

/**
 * Serves files of the management node over HTTP for hosts to fetch (the image store registers one). Local primary
 * storage uses it to let a host {@code curl} an image instead of pushing it over ssh.
 */
public interface ImageExporter {
    /** @return whether links point to an address other hosts can reach (not a loopback address) */
    boolean reachableFromHosts();

    /** @param imageUuid an image @return whether it is exported now */
    boolean isExported(String imageUuid);

    /** @param imageUuid an image @param file its file on the management node @return a download link */
    String export(String imageUuid, Path file);

    /** @param imageUuid an image whose link goes away; nothing happens if there is none */
    void withdraw(String imageUuid);
}
