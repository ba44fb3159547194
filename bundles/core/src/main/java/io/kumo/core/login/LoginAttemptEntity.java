package io.kumo.core.login;

import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import java.sql.Timestamp;

/** Consecutive failed logins of one login name ({@code account:<name>} or {@code user:<account>/<user>}). */
@Entity
@Table(name = "LoginAttemptVO")
public class LoginAttemptEntity {
    @Id
    private String loginName;
    private int failures;
    private Timestamp lastFailureDate;

    public String getLoginName() { return loginName; }
    public void setLoginName(String loginName) { this.loginName = loginName; }
    public int getFailures() { return failures; }
    public void setFailures(int failures) { this.failures = failures; }
    public Timestamp getLastFailureDate() { return lastFailureDate; }
    public void setLastFailureDate(Timestamp lastFailureDate) { this.lastFailureDate = lastFailureDate; }
}
