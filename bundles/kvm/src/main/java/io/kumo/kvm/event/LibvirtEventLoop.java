package io.kumo.kvm.event;

import com.sun.jna.Pointer;
import org.libvirt.Connect;
import org.libvirt.Library;
import org.libvirt.LibvirtException;
import org.libvirt.jna.Libvirt;
import org.libvirt.jna.virError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs libvirt's default event loop on a daemon thread, which libvirt needs for domain events, connection close
 * callbacks and keepalive. libvirt registers its event implementation once per process (registering again is
 * harmless), so the thread is a singleton: {@link #ensureRunning()} starts it before the first connection is opened,
 * {@link #stop()} ends it when the bundle stops (waking the loop with a one-shot timer, since libvirt-java's own
 * {@code stopEventLoop} leaves a timer firing for ever).
 */
public final class LibvirtEventLoop {
    private static final Logger LOG = LoggerFactory.getLogger(LibvirtEventLoop.class);
    /** libvirt prints every error on stderr by default; errors reach us as exceptions anyway. */
    private static final Libvirt.VirErrorCallback QUIET = new Libvirt.VirErrorCallback() {
        @Override
        public void errorCallback(Pointer userData, virError error) {
            // reported through the LibvirtException of the call
        }
    };
    /** Removes itself the first time it fires: a way to wake the loop up. */
    private static final Libvirt.VirEventTimeoutCallback WAKE = new Libvirt.VirEventTimeoutCallback() {
        @Override
        public void tick(int timer, Pointer opaque) {
            Libvirt.INSTANCE.virEventRemoveTimeout(timer);
        }
    };
    private static Thread thread;
    private static volatile boolean running;

    private LibvirtEventLoop() { }

    /**
     * Registers libvirt's event implementation and starts the loop thread if not running yet.
     *
     * @throws LibvirtException if libvirt refuses
     */
    public static synchronized void ensureRunning() throws LibvirtException {
        if (thread != null && thread.isAlive() && running) {
            return;
        }
        Connect.setErrorCallback(QUIET);
        Library.initEventLoop();
        running = true;
        Thread t = new Thread(LibvirtEventLoop::run, "kumo-libvirt-events");
        t.setDaemon(true);
        t.start();
        thread = t;
    }

    private static void run() {
        while (running) {
            try {
                Library.processEvent();
            } catch (LibvirtException e) {
                LOG.warn("libvirt event loop: {}", e.getMessage());
                try {
                    Thread.sleep(100);
                } catch (InterruptedException stop) {
                    return;
                }
            } catch (RuntimeException | Error e) {
                LOG.error("libvirt event loop stopped", e);
                return;
            }
        }
    }

    /** Stops the loop thread (when the bundle stops); libvirt keeps its registration for the next start. */
    public static synchronized void stop() {
        Thread t = thread;
        thread = null;
        if (t == null || !running) {
            return;
        }
        running = false;
        try {
            Libvirt.INSTANCE.virEventAddTimeout(0, WAKE, null, null);
            t.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("waking libvirt's event loop: {}", e.toString());
        }
        if (t.isAlive()) {
            LOG.warn("libvirt's event loop thread did not stop; it idles until the next libvirt event");
        }
    }
}
