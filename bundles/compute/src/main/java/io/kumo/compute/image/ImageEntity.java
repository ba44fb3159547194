package io.kumo.compute.image;

import io.kumo.api.image.ImageInventory;

import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.Id;
import javax.persistence.OneToMany;
import javax.persistence.OrderBy;
import javax.persistence.Table;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/** An image row; its attribute names are the query fields of {@code GET /images} (e.g. {@code backupStorageRefs.backupStorageUuid}). */
@Entity
@Table(name = "ImageVO")
public class ImageEntity {
    @Id
    private String uuid;
    private String name;
    private String description;
    private String state;
    private String status;
    private long size;
    private long actualSize;
    private String md5Sum;
    private String url;
    private String mediaType;
    private String guestOsType;
    private String type;
    private String platform;
    private String format;
    private boolean system;
    private String architecture;
    @OneToMany(mappedBy = "image", fetch = FetchType.EAGER)
    @OrderBy("createDate")
    private List<ImageBackupStorageRefEntity> backupStorageRefs = new ArrayList<>();
    private Timestamp createDate;
    private Timestamp lastOpDate;

    /** @return the API view */
    public ImageInventory toInventory() {
        return new ImageInventory(uuid, name, description, state, status, size, actualSize, md5Sum, url, mediaType,
                guestOsType, type, platform, format, system, architecture,
                backupStorageRefs.stream().map(ImageBackupStorageRefEntity::toInventory).toList(), createDate, lastOpDate);
    }

    public String getUuid() { return uuid; }
    public void setUuid(String uuid) { this.uuid = uuid; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getState() { return state; }
    public void setState(String state) { this.state = state; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public long getSize() { return size; }
    public void setSize(long size) { this.size = size; }
    public long getActualSize() { return actualSize; }
    public void setActualSize(long actualSize) { this.actualSize = actualSize; }
    public String getMd5Sum() { return md5Sum; }
    public void setMd5Sum(String md5Sum) { this.md5Sum = md5Sum; }
    public String getUrl() { return url; }
    public void setUrl(String url) { this.url = url; }
    public String getMediaType() { return mediaType; }
    public void setMediaType(String mediaType) { this.mediaType = mediaType; }
    public String getGuestOsType() { return guestOsType; }
    public void setGuestOsType(String guestOsType) { this.guestOsType = guestOsType; }
    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public String getPlatform() { return platform; }
    public void setPlatform(String platform) { this.platform = platform; }
    public String getFormat() { return format; }
    public void setFormat(String format) { this.format = format; }
    public boolean isSystem() { return system; }
    public void setSystem(boolean system) { this.system = system; }
    public String getArchitecture() { return architecture; }
    public void setArchitecture(String architecture) { this.architecture = architecture; }
    public List<ImageBackupStorageRefEntity> getBackupStorageRefs() { return backupStorageRefs; }
    public Timestamp getCreateDate() { return createDate; }
    public void setCreateDate(Timestamp createDate) { this.createDate = createDate; }
    public Timestamp getLastOpDate() { return lastOpDate; }
    public void setLastOpDate(Timestamp lastOpDate) { this.lastOpDate = lastOpDate; }
}
