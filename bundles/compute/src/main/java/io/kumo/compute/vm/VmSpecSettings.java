package io.kumo.compute.vm;

import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.hypervisor.HypervisorBackend;
import io.kumo.api.hypervisor.VmSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a VM's settings and system tags become {@link VmSpec} properties and CD-ROM drives (pure functions), and the
 * rules their values follow.
 */
public final class VmSpecSettings {
    /** Boot devices, ZStack's names. */
    public static final Set<String> BOOT_DEVICES = Set.of("HardDisk", "CdRom", "Network");
    /** The system tag choosing the display adapter: {@code videoType::qxl|cirrus|vga}. */
    public static final String VIDEO_TYPE_PREFIX = "videoType::";
    /** Display adapters. */
    public static final Set<String> VIDEO_TYPES = Set.of("qxl", "cirrus", "vga");
    /** CD-ROM drives a VM has (ZStack 2.6: one, holding at most one ISO). */
    public static final int CDROM_DRIVES = 1;

    private VmSpecSettings() { }

    /**
     * @param settings   the VM's settings ({@link VmSettings})
     * @param systemTags the VM's system tags
     * @return the spec properties: boot order, console password, video type (only those set)
     */
    public static Map<String, String> properties(Map<String, String> settings, List<String> systemTags) {
        Map<String, String> p = new LinkedHashMap<>();
        if (settings.get(VmSettings.BOOT_ORDER) != null) {
            p.put(VmSpec.BOOT_ORDER, settings.get(VmSettings.BOOT_ORDER));
        }
        if (settings.get(VmSettings.CONSOLE_PASSWORD) != null) {
            p.put(VmSpec.CONSOLE_PASSWORD, settings.get(VmSettings.CONSOLE_PASSWORD));
        }
        for (String tag : systemTags) {
            if (tag.startsWith(VIDEO_TYPE_PREFIX) && VIDEO_TYPES.contains(tag.substring(VIDEO_TYPE_PREFIX.length()))) {
                p.put(VmSpec.VIDEO_TYPE, tag.substring(VIDEO_TYPE_PREFIX.length()));
            }
        }
        return p;
    }

    /** @param settings the VM's settings @return its CD-ROM drives: one, with the attached ISO or empty */
    public static List<VmSpec.Cdrom> cdroms(Map<String, String> settings) {
        List<VmSpec.Cdrom> drives = new ArrayList<>();
        String iso = settings.get(VmSettings.ISO);
        drives.add(new VmSpec.Cdrom(0, iso, iso == null ? null : settings.get(VmSettings.ISO_PATH)));
        return drives;
    }

    /**
     * @param order boot devices as requested
     * @return them joined for the spec
     * @throws ApiException 400 when a device is unknown or repeated
     */
    public static String bootOrder(List<String> order) {
        if (order.isEmpty()) {
            throw ApiException.invalidArgument("bootOrder needs at least one device of " + new java.util.TreeSet<>(BOOT_DEVICES));
        }
        for (String d : order) {
            if (!BOOT_DEVICES.contains(d)) {
                throw ApiException.invalidArgument("boot device '" + d + "' is unknown; use " + new java.util.TreeSet<>(BOOT_DEVICES));
            }
        }
        if (order.stream().distinct().count() != order.size()) {
            throw ApiException.invalidArgument("bootOrder lists a device twice: " + order);
        }
        return String.join(",", order);
    }

    /**
     * Runs a backend call, turning {@link HypervisorBackend.Unsupported} into {@code SYS.1014}.
     *
     * @param what what is done, for the message @param call the call
     */
    public static void backend(String what, BackendCall call) throws Exception {
        try {
            call.run();
        } catch (HypervisorBackend.Unsupported e) {
            throw new ApiException(ErrorCode.NOT_SUPPORTED, what + " is not supported by this backend: " + e.getMessage());
        }
    }

    /** A backend call. */
    @FunctionalInterface
    public interface BackendCall {
        /** @throws Exception on failure */
        void run() throws Exception;
    }
}
