package io.kumo.kvm.event;

import com.sun.jna.Pointer;
import org.libvirt.Connect;
import org.libvirt.Library;
import org.libvirt.jna.Libvirt;
import org.libvirt.jna.virError;
import org.libvirt.LibvirtException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs libvirt's default event loop on a daemon thread, which libvirt needs for domain events, connection close
 * callbacks and keepalive. libvirt registers its event implementation once per process, so this is a process-wide
 * singleton: {@link #ensureRunning()} starts it before the first connection is opened.
 */
public final class LibvirtEventLoop {
    private static final Logger LOG = LoggerFactory.getLogger(LibvirtEventLoop.class);
    private static Thread thread;
    /** libvirt prints every error on stderr by default; errors reach us as exceptions anyway. */
    private static final Libvirt.VirErrorCallback QUIET = new Libvirt.VirErrorCallback() {
        @Override
        public void errorCallback(Pointer userData, virError error) {
            // reported through the LibvirtException of the call
        }
    };

    private LibvirtEventLoop() { }

    /**
     * Registers libvirt's event implementation and starts the loop thread if not running yet.
     *
     * @throws LibvirtException if libvirt refuses
     */
    public static synchronized void ensureRunning() throws LibvirtException {
        if (thread != null && thread.isAlive()) {
            return;
        }
        Connect.setErrorCallback(QUIET);
        Library.initEventLoop();
        Thread t = new Thread(LibvirtEventLoop::run, "kumo-libvirt-events");
        t.setDaemon(true);
        t.start();
        thread = t;
    }

    private static void run() {
        while (!Thread.currentThread().isInterrupted()) {
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

    /** Stops the loop thread (when the bundle stops); libvirt keeps its registration. */
    public static synchronized void stop() {
        if (thread != null) {
            thread.interrupt();
            try {
                Library.stopEventLoop();  // wakes processEvent up
            } catch (LibvirtException | RuntimeException e) {
                LOG.debug("stopping libvirt's event loop: {}", e.getMessage());
            }
            thread = null;
        }
    }
}
