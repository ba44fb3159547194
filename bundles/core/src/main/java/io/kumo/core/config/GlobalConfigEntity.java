package io.kumo.core.config;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;
import java.io.Serializable;
import java.sql.Timestamp;
import java.util.Objects;

/** A stored global configuration value (ZStack's GlobalConfigVO). */
@Entity
@Table(name = "GlobalConfigVO")
@IdClass(GlobalConfigEntity.Key.class)
public class GlobalConfigEntity {
    @Id
    private String category;
    @Id
    private String name;
    @Column(name = "\"VALUE\"") // reserved in H2 2.x: delimited, as Liquibase created it
    private String value;
    private String defaultValue;
    private String type;
    private String description;
    private Timestamp createDate;
    private Timestamp lastOpDate;

    /** Composite key: category and name. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String category;
        private String name;

        public Key() { }

        public Key(String category, String name) {
            this.category = category;
            this.name = name;
        }

        @Override public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(k.category, category) && Objects.equals(k.name, name);
        }

        @Override public int hashCode() { return Objects.hash(category, name); }
    }

    public String getCategory() { return category; }
    public void setCategory(String category) { this.category = category; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getValue() { return value; }
    public void setValue(String value) { this.value = value; }
    public String getDefaultValue() { return defaultValue; }
    public void setDefaultValue(String defaultValue) { this.defaultValue = defaultValue; }
    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public Timestamp getCreateDate() { return createDate; }
    public void setCreateDate(Timestamp createDate) { this.createDate = createDate; }
    public Timestamp getLastOpDate() { return lastOpDate; }
    public void setLastOpDate(Timestamp lastOpDate) { this.lastOpDate = lastOpDate; }
}
