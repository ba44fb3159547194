package io.kumo.compute.vm;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;
import java.io.Serializable;
import java.sql.Timestamp;
import java.util.Objects;

/**
 * One setting of a VM that its hypervisor gets at the next start ({@link VmSettings}). Not a query resource: the
 * console password lives here and is never returned.
 */
@Entity
@Table(name = "VmSettingVO")
@IdClass(VmSettingEntity.Key.class)
public class VmSettingEntity {
    @Id
    private String vmInstanceUuid;
    @Id
    private String name;
    @Column(name = "settingValue")
    private String value;
    private Timestamp lastOpDate;

    public String getVmInstanceUuid() { return vmInstanceUuid; }
    public void setVmInstanceUuid(String vmInstanceUuid) { this.vmInstanceUuid = vmInstanceUuid; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getValue() { return value; }
    public void setValue(String value) { this.value = value; }
    public Timestamp getLastOpDate() { return lastOpDate; }
    public void setLastOpDate(Timestamp lastOpDate) { this.lastOpDate = lastOpDate; }

    /** The composite key: VM and setting name. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String vmInstanceUuid;
        private String name;

        public Key() { }

        public Key(String vmInstanceUuid, String name) {
            this.vmInstanceUuid = vmInstanceUuid;
            this.name = name;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(k.vmInstanceUuid, vmInstanceUuid) && Objects.equals(k.name, name);
        }

        @Override public int hashCode() { return Objects.hash(vmInstanceUuid, name); }
    }
}
