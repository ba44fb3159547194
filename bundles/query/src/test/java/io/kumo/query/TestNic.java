package io.kumo.query;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.ManyToOne;
import javax.persistence.Table;

/** A test entity shaped like ZStack's VmNicVO. */
@Entity(name = "TestNic")
@Table(name = "TestNic")
public class TestNic {
    @Id
    @Column(length = 32)
    private String uuid;
    private String ip;
    @ManyToOne
    @JoinColumn(name = "vmUuid")
    private TestVm vm;

    /** For JPA. */
    protected TestNic() { }

    TestNic(String uuid, String ip, TestVm vm) {
        this.uuid = uuid;
        this.ip = ip;
        this.vm = vm;
    }

    String getUuid() { return uuid; }
    String getIp() { return ip; }
    TestVm getVm() { return vm; }
}
