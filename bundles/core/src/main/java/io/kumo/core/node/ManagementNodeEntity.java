package io.kumo.core.node;

import io.kumo.api.node.ManagementNodeInventory;

import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import java.sql.Timestamp;

/** A management node sharing the database. */
@Entity
@Table(name = "ManagementNodeVO")
public class ManagementNodeEntity {
    @Id
    private String uuid;
    private String hostName;
    private String state;
    private String version;
    private Timestamp joinDate;
    private Timestamp startDate;
    private Timestamp heartBeat;

    /** @return the API view, with uptime derived from the start date */
    public ManagementNodeInventory toInventory() {
        long uptime = Math.max(0, (System.currentTimeMillis() - startDate.getTime()) / 1000);
        return new ManagementNodeInventory(uuid, hostName, state, version, joinDate, heartBeat, uptime);
    }

    public String getUuid() { return uuid; }
    public void setUuid(String uuid) { this.uuid = uuid; }
    public String getHostName() { return hostName; }
    public void setHostName(String hostName) { this.hostName = hostName; }
    public String getState() { return state; }
    public void setState(String state) { this.state = state; }
    public String getVersion() { return version; }
    public void setVersion(String version) { this.version = version; }
    public Timestamp getJoinDate() { return joinDate; }
    public void setJoinDate(Timestamp joinDate) { this.joinDate = joinDate; }
    public Timestamp getStartDate() { return startDate; }
    public void setStartDate(Timestamp startDate) { this.startDate = startDate; }
    public Timestamp getHeartBeat() { return heartBeat; }
    public void setHeartBeat(Timestamp heartBeat) { this.heartBeat = heartBeat; }
}
