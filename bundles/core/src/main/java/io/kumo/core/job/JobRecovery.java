package io.kumo.core.job;

import io.kumo.api.operation.AsyncOperation;
import io.kumo.api.operation.Operation;
import io.kumo.api.operation.OperationRegistry;
import io.kumo.core.node.ManagementNodeManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finishes jobs that a stopped node left unfinished: at start, this node's own; when a node is gone, the ones whose
 * keys this node now owns. Their completed steps are rolled back and they are marked failed. A job whose operation is
 * not registered (its plugin is absent) waits until the operation comes back.
 */
public class JobRecovery implements OperationRegistry.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(JobRecovery.class);

    private final JobStore store;
    private final JobEngine engine;
    private final ManagementNodeManager cluster;
    private final OperationRegistry registry;
    private final Map<String, JobEntity> waitingForOperation = new ConcurrentHashMap<>();
    private AutoCloseable registration;

    /** Wires recovery to the store, engine, cluster and registry. */
    public JobRecovery(JobStore store, JobEngine engine, ManagementNodeManager cluster, OperationRegistry registry) {
        this.store = store;
        this.engine = engine;
        this.cluster = cluster;
        this.registry = registry;
    }

    /** Recovers this node's unfinished jobs and starts watching for gone nodes. */
    public void start() {
        registration = registry.addListener(this);
        List<JobEntity> mine = store.unfinishedOn(cluster.localNodeUuid());
        if (!mine.isEmpty()) {
            LOG.info("recovering {} job(s) left unfinished by the previous run of this node", mine.size());
        }
        mine.forEach(this::recover);
        cluster.onMembershipChange(this::takeOver);
        takeOver(cluster.liveNodes());
    }

    /** Stops listening. */
    public void stop() throws Exception {
        if (registration != null) {
            registration.close();
        }
    }

    private void takeOver(Set<String> liveNodes) {
        for (JobEntity job : store.unfinishedOutside(liveNodes)) {
            if (cluster.isLocal(job.getSerializationKey())
                    && store.claim(job.getUuid(), job.getManagementNodeUuid(), cluster.localNodeUuid())) {
                LOG.info("took over job {} of gone node {}", job.getUuid(), job.getManagementNodeUuid());
                job.setManagementNodeUuid(cluster.localNodeUuid());
                recover(job);
            }
        }
    }

    private void recover(JobEntity job) {
        Operation op = registry.find(job.getOperationName()).orElse(null);
        if (op instanceof AsyncOperation async) {
            engine.recover(job, async);
        } else {
            LOG.warn("job {} needs operation {} to roll back; it will when the operation is registered again",
                    job.getUuid(), job.getOperationName());
            waitingForOperation.put(job.getUuid(), job);
            // the operation may have been registered between the lookup and the put
            registry.find(job.getOperationName()).ifPresent(this::added);
        }
    }

    @Override
    public void added(Operation operation) {
        String name = operation.descriptor().name();
        waitingForOperation.values().removeIf(job -> {
            if (job.getOperationName().equals(name) && operation instanceof AsyncOperation async) {
                engine.recover(job, async);
                return true;
            }
            return false;
        });
    }

    @Override
    public void removed(Operation operation) { }
}
