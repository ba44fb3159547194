package io.kumo.core.audit;

import java.util.List;

/**
 * Where the {@link AuditWriter} puts records ({@link AuditStore} in the node). A top-level interface: Aries'
 * transaction interceptor names its methods after the declaring type, and a nested type's {@code $} is refused.
 */
public interface AuditSink {
    /** @param batch records to insert in one transaction */
    void write(List<AuditEntity> batch);

    /** Completes the records of asynchronous operations whose jobs have ended. */
    void completeJobs();
}
