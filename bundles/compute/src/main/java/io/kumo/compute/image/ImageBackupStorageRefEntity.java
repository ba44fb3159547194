package io.kumo.compute.image;

import io.kumo.api.image.ImageBackupStorageRefInventory;

import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.JoinColumn;
import javax.persistence.ManyToOne;
import javax.persistence.Table;
import java.io.Serializable;
import java.sql.Timestamp;
import java.util.Objects;

/** A copy of an image on a backup storage. */
@Entity
@Table(name = "ImageBackupStorageRefVO")
@IdClass(ImageBackupStorageRefEntity.Key.class)
public class ImageBackupStorageRefEntity {
    @Id
    private String imageUuid;
    @Id
    private String backupStorageUuid;
    @ManyToOne
    @JoinColumn(name = "imageUuid", insertable = false, updatable = false)
    private ImageEntity image;
    private String installPath;
    private String exportUrl;
    private String status;
    private Timestamp createDate;
    private Timestamp lastOpDate;

    /** @return the API view */
    public ImageBackupStorageRefInventory toInventory() {
        return new ImageBackupStorageRefInventory(imageUuid, backupStorageUuid, installPath, exportUrl, status, createDate, lastOpDate);
    }

    public String getImageUuid() { return imageUuid; }
    public void setImageUuid(String imageUuid) { this.imageUuid = imageUuid; }
    public String getBackupStorageUuid() { return backupStorageUuid; }
    public void setBackupStorageUuid(String backupStorageUuid) { this.backupStorageUuid = backupStorageUuid; }
    public String getInstallPath() { return installPath; }
    public void setInstallPath(String installPath) { this.installPath = installPath; }
    public String getExportUrl() { return exportUrl; }
    public void setExportUrl(String exportUrl) { this.exportUrl = exportUrl; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public Timestamp getCreateDate() { return createDate; }
    public void setCreateDate(Timestamp createDate) { this.createDate = createDate; }
    public Timestamp getLastOpDate() { return lastOpDate; }
    public void setLastOpDate(Timestamp lastOpDate) { this.lastOpDate = lastOpDate; }

    /** The composite key: image and backup storage. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String imageUuid;
        private String backupStorageUuid;

        /** For JPA. */
        public Key() { }

        /** @param imageUuid the image @param backupStorageUuid the backup storage */
        public Key(String imageUuid, String backupStorageUuid) {
            this.imageUuid = imageUuid;
            this.backupStorageUuid = backupStorageUuid;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(imageUuid, k.imageUuid) && Objects.equals(backupStorageUuid, k.backupStorageUuid);
        }

        @Override public int hashCode() { return Objects.hash(imageUuid, backupStorageUuid); }
    }
}
