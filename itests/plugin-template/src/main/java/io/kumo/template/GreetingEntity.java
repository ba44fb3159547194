package io.kumo.template;

import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import java.sql.Timestamp;

/** A row of {@code GreetingVO} (db/changelog/kumo-plugin-template.xml); attribute names are the query fields. */
@Entity
@Table(name = "GreetingVO")
public class GreetingEntity {
    @Id
    private String uuid;
    private String name;
    private String message;
    private Timestamp createDate;
    private Timestamp lastOpDate;

    /** An empty row, for JPA. */
    public GreetingEntity() { }

    /**
     * A new row.
     *
     * @param uuid    its uuid
     * @param name    who is greeted
     * @param message the greeting text
     * @param now     its creation time
     */
    public GreetingEntity(String uuid, String name, String message, Timestamp now) {
        this.uuid = uuid;
        this.name = name;
        this.message = message;
        this.createDate = now;
        this.lastOpDate = now;
    }

    /** @return the API view of this row */
    public GreetingInventory toInventory() { return new GreetingInventory(uuid, name, message, createDate, lastOpDate); }

    /** @return the uuid */
    public String getUuid() { return uuid; }

    /** @return who is greeted */
    public String getName() { return name; }

    /** @return the greeting text */
    public String getMessage() { return message; }

    /** @return when it was created */
    public Timestamp getCreateDate() { return createDate; }

    /** @return when it last changed */
    public Timestamp getLastOpDate() { return lastOpDate; }
}
