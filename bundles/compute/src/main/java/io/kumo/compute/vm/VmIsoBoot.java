package io.kumo.compute.vm;

import io.kumo.api.hypervisor.HostConnection;
import io.kumo.api.image.ImageInventory;
import io.kumo.api.storage.PrimaryStorageBackend;
import io.kumo.api.storage.PrimaryStorageInventory;

/**
 * A VM created from an ISO image boots from it: the ISO is cached on the root volume's primary storage, put in the
 * CD-ROM drive and the boot order set to CD-ROM then disk (the settings go with the VM row when a create rolls back).
 */
final class VmIsoBoot {
    private VmIsoBoot() { }

    static void insert(VmLifecycle vms, String vmUuid, PrimaryStorageInventory ps, PrimaryStorageBackend backend,
                       HostConnection host, ImageInventory iso, String isoInstallPath) throws Exception {
        String[] path = new String[1];
        VmSpecSettings.backend("caching the ISO to boot from on primary storage " + ps.uuid(), () ->
                path[0] = backend.cacheImage(ps, host, iso, isoInstallPath));
        vms.settings().put(vmUuid, VmSettings.ISO, iso.uuid());
        vms.settings().put(vmUuid, VmSettings.ISO_PATH, path[0]);
        vms.settings().put(vmUuid, VmSettings.BOOT_ORDER, "CdRom,HardDisk");
    }
}
