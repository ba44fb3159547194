package io.kumo.core.login;

import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import java.sql.Timestamp;

/**
 * The TOTP secret of an account (userUuid null) or of a user. {@code principal} is {@code accountUuid:userUuid}
 * ({@code accountUuid:} for the account itself), unique. The secret is stored encrypted.
 */
@Entity
@Table(name = "TwoFactorAuthenticationVO")
public class TwoFactorEntity {
    /** Enrolled, waiting for the first correct code. */
    public static final String PENDING = "NewCreated";
    /** Verified: login needs a code. */
    public static final String ENABLED = "Enabled";

    @Id
    private String uuid;
    private String principal;
    private String accountUuid;
    private String userUuid;
    private String secret;
    private String status;
    private long lastUsedStep;
    private Timestamp createDate;
    private Timestamp lastOpDate;

    /** @return the principal key of an account or user */
    public static String principal(String accountUuid, String userUuid) {
        return accountUuid + ":" + (userUuid == null ? "" : userUuid);
    }

    public String getUuid() { return uuid; }
    public void setUuid(String uuid) { this.uuid = uuid; }
    public String getPrincipal() { return principal; }
    public void setPrincipal(String principal) { this.principal = principal; }
    public String getAccountUuid() { return accountUuid; }
    public void setAccountUuid(String accountUuid) { this.accountUuid = accountUuid; }
    public String getUserUuid() { return userUuid; }
    public void setUserUuid(String userUuid) { this.userUuid = userUuid; }
    public String getSecret() { return secret; }
    public void setSecret(String secret) { this.secret = secret; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public long getLastUsedStep() { return lastUsedStep; }
    public void setLastUsedStep(long lastUsedStep) { this.lastUsedStep = lastUsedStep; }
    public Timestamp getCreateDate() { return createDate; }
    public void setCreateDate(Timestamp createDate) { this.createDate = createDate; }
    public Timestamp getLastOpDate() { return lastOpDate; }
    public void setLastOpDate(Timestamp lastOpDate) { this.lastOpDate = lastOpDate; }
}
