package io.kumo.query;

import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A test entity without a uuid, so tag conditions cannot apply to it. */
@Entity(name = "TestCounter")
@Table(name = "TestCounter")
public class TestCounter {
    @Id
    private long id;
    private String name;

    /** For JPA. */
    protected TestCounter() { }

    TestCounter(long id, String name) {
        this.id = id;
        this.name = name;
    }

    long getId() { return id; }
    String getName() { return name; }
}
