package io.kumo.compute.storage;

import io.kumo.api.event.EventPublisher;
import io.kumo.api.event.EventType;
import io.kumo.api.event.ResourceEvent;
import io.kumo.api.inventory.DependentResourceProvider;
import io.kumo.api.inventory.DependentResourceService;
import io.kumo.api.storage.BackupStorageInventory;
import io.kumo.api.storage.PrimaryStorageInventory;

import java.util.List;

/**
 * What storage keeps under a zone: its primary storage (a dependent: Permissive zone deletes are refused while it
 * exists, Enforcing ones delete it with its volumes) and the attachments of backup storage (not a dependent: they
 * are removed when the zone goes, in either mode).
 */
public class ZoneStorageDependents implements DependentResourceProvider {
    private final PrimaryStorageStore primary;
    private final BackupStorageStore backup;
    private final DependentResourceService dependents;
    private final EventPublisher events;

    /** Wires the provider. */
    public ZoneStorageDependents(PrimaryStorageStore primary, BackupStorageStore backup,
                                 DependentResourceService dependents, EventPublisher events) {
        this.primary = primary;
        this.backup = backup;
        this.dependents = dependents;
        this.events = events;
    }

    @Override
    public List<String> dependentsOf(String parentType, String zoneUuid) {
        return primary.inZone(zoneUuid).stream()
                .map(ps -> "primary storage \"" + ps.getName() + "\" (" + ps.getUuid() + ")").toList();
    }

    @Override
    public void deleteDependents(String parentType, String zoneUuid) throws Exception {
        for (PrimaryStorageEntity ps : primary.inZone(zoneUuid)) {
            dependents.deleteDependents(PrimaryStorageInventory.RESOURCE_TYPE, ps.getUuid());
            PrimaryStorageInventory inv = ps.toInventory();
            if (primary.delete(ps.getUuid())) {
                events.publish(new ResourceEvent(EventType.DELETED, PrimaryStorageInventory.RESOURCE_TYPE, ps.getUuid(), inv, null, null, null, null));
            }
        }
        detachBackupStorage(zoneUuid);
    }

    private void detachBackupStorage(String zoneUuid) {
        List<BackupStorageEntity> attached = backup.attachedTo(zoneUuid);
        if (backup.detachZone(zoneUuid) > 0) {
            for (BackupStorageEntity bs : attached) {
                BackupStorageEntity now = backup.find(bs.getUuid());
                if (now != null) {
                    events.publish(new ResourceEvent(EventType.UPDATED, BackupStorageInventory.RESOURCE_TYPE, bs.getUuid(), now.toInventory(), null, null, null, null));
                }
            }
        }
    }
}
