package io.kumo.compute.vm;

import io.kumo.api.config.GlobalConfigService;
import io.kumo.api.node.ClusterService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Timestamp;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Empties the recycle bin under the Delay policy: every {@code vm.expungeInterval} seconds, each node expunges the
 * VMs it owns that have been Destroyed for longer than {@code vm.expungePeriod}.
 */
public class VmExpunger {
    private static final Logger LOG = LoggerFactory.getLogger(VmExpunger.class);
    private final VmLifecycle vms;
    private final GlobalConfigService config;
    private final ClusterService nodes;
    private ScheduledExecutorService timer;
    /** The first sweep waits this long: the settings are registered only once the container has started. */
    private static final long FIRST_SWEEP_SECONDS = 60;

    /** Wires the expunger. */
    public VmExpunger(VmLifecycle vms, GlobalConfigService config, ClusterService nodes) {
        this.vms = vms;
        this.config = config;
        this.nodes = nodes;
    }

    /** Starts the sweeps. */
    public void start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kumo-vm-expunger");
            t.setDaemon(true);
            return t;
        });
        schedule(FIRST_SWEEP_SECONDS);
    }

    private void schedule(long seconds) {
        timer.schedule(() -> {
            try {
                sweep();
            } catch (RuntimeException e) {
                LOG.warn("Recycle bin sweep failed", e);
            }
            schedule(config.longValue(VmGlobalConfigs.CATEGORY, VmGlobalConfigs.EXPUNGE_INTERVAL));
        }, seconds, TimeUnit.SECONDS);
    }

    /** Stops the sweeps. */
    public void stop() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    /** Expunges the expired VMs this node owns (Delay policy only). */
    void sweep() {
        if (!VmGlobalConfigs.DELAY.equals(config.value(VmGlobalConfigs.CATEGORY, VmGlobalConfigs.DELETION_POLICY))) {
            return;
        }
        long period = config.longValue(VmGlobalConfigs.CATEGORY, VmGlobalConfigs.EXPUNGE_PERIOD);
        Timestamp before = new Timestamp(System.currentTimeMillis() - period * 1000);
        for (String uuid : vms.vms().inStateSince(VmStates.DESTROYED, before)) {
            if (nodes.isLocal(uuid)) {
                try {
                    vms.expunge(uuid);
                } catch (Exception e) {
                    LOG.warn("Could not expunge VM {} from the recycle bin; will retry", uuid, e);
                }
            }
        }
    }
}
