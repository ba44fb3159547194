package io.kumo.core.licence;

import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Lob;
import javax.persistence.Table;
import java.sql.Timestamp;

/**
 * An uploaded licence. Only the file's text is authoritative: it is verified again whenever licences are read, so a
 * row edited in the database is refused like a forged file. The other columns are for queries and people.
 */
@Entity
@Table(name = "LicenseVO")
public class LicenceEntity {
    @Id
    private String uuid;
    private String licenseType;
    /** The edition of a platform licence, or the module of a module licence (one row per module). */
    private String product;
    private Timestamp expiredDate;
    private Timestamp uploadDate;
    @Lob
    private String content;
    /** The last expiry reminder announced (30, 7, 1 or 0 days left), or null before the first. */
    private Integer reminderDays;

    public String getUuid() { return uuid; }
    public void setUuid(String uuid) { this.uuid = uuid; }
    public String getLicenseType() { return licenseType; }
    public void setLicenseType(String licenseType) { this.licenseType = licenseType; }
    public String getProduct() { return product; }
    public void setProduct(String product) { this.product = product; }
    public Timestamp getExpiredDate() { return expiredDate; }
    public void setExpiredDate(Timestamp expiredDate) { this.expiredDate = expiredDate; }
    public Timestamp getUploadDate() { return uploadDate; }
    public void setUploadDate(Timestamp uploadDate) { this.uploadDate = uploadDate; }
    public String getContent() { return content; }
    public void setContent(String content) { this.content = content; }
    public Integer getReminderDays() { return reminderDays; }
    public void setReminderDays(Integer reminderDays) { this.reminderDays = reminderDays; }
}
