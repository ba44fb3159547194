package io.kumo.query;

import javax.persistence.Embeddable;

/** An embedded part of {@link TestVm}. */
@Embeddable
public class TestQuota {
    private int maxNics;
    private String plan;

    /** For JPA. */
    protected TestQuota() { }

    TestQuota(int maxNics, String plan) {
        this.maxNics = maxNics;
        this.plan = plan;
    }
}
