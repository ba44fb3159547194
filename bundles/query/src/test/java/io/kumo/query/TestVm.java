package io.kumo.query;

import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.ElementCollection;
import javax.persistence.Embedded;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.FetchType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.OneToMany;
import javax.persistence.Table;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A test entity shaped like ZStack's VmInstanceVO. */
@Entity(name = "TestVm")
@Table(name = "TestVm")
public class TestVm {
    @Id
    @Column(length = 32)
    private String uuid;
    private String name;
    private String description;
    @Enumerated(EnumType.STRING)
    private TestVmState state;
    private int cpuNum;
    private long memorySize;
    private Boolean ha;
    private Double cpuUsage;
    private Timestamp createDate;
    @Embedded
    private TestQuota quota;
    /** Internal: never shown in the inventory. */
    private String secret;
    @OneToMany(mappedBy = "vm", fetch = FetchType.LAZY)
    private List<TestNic> nics = new ArrayList<>();
    @ElementCollection
    @CollectionTable(name = "TestVmLabel", joinColumns = @JoinColumn(name = "vmUuid"))
    @Column(name = "label")
    private Set<String> labels = new HashSet<>();

    /** For JPA. */
    protected TestVm() { }

    TestVm(String uuid, String name, String description, TestVmState state, int cpuNum, long memorySize, Boolean ha,
           Double cpuUsage, Timestamp createDate, Set<String> labels) {
        this.uuid = uuid;
        this.name = name;
        this.description = description;
        this.state = state;
        this.cpuNum = cpuNum;
        this.memorySize = memorySize;
        this.ha = ha;
        this.cpuUsage = cpuUsage;
        this.createDate = createDate;
        this.secret = "secret-of-" + uuid;
        this.labels = new HashSet<>(labels);
        this.quota = new TestQuota(cpuNum > 2 ? 4 : 1, cpuNum > 2 ? "gold" : "basic");
    }

    String getUuid() { return uuid; }
    String getName() { return name; }
    String getDescription() { return description; }
    TestVmState getState() { return state; }
    int getCpuNum() { return cpuNum; }
    long getMemorySize() { return memorySize; }
    Boolean getHa() { return ha; }
    Double getCpuUsage() { return cpuUsage; }
    Timestamp getCreateDate() { return createDate; }
    List<TestNic> getNics() { return nics; }
}
