package io.kumo.core.login;

import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import java.sql.Timestamp;

/** A captcha waiting for its answer; deleted when used (right or wrong) or expired. */
@Entity
@Table(name = "CaptchaVO")
public class CaptchaEntity {
    @Id
    private String uuid;
    private String loginName;
    private String answer;
    private Timestamp expiredDate;
    private Timestamp createDate;

    public String getUuid() { return uuid; }
    public void setUuid(String uuid) { this.uuid = uuid; }
    public String getLoginName() { return loginName; }
    public void setLoginName(String loginName) { this.loginName = loginName; }
    public String getAnswer() { return answer; }
    public void setAnswer(String answer) { this.answer = answer; }
    public Timestamp getExpiredDate() { return expiredDate; }
    public void setExpiredDate(Timestamp expiredDate) { this.expiredDate = expiredDate; }
    public Timestamp getCreateDate() { return createDate; }
    public void setCreateDate(Timestamp createDate) { this.createDate = createDate; }
}
