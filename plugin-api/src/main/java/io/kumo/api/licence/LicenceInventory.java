package io.kumo.api.licence;

import java.sql.Timestamp;
import java.util.List;

/**
 * A licence as the API shows it (ZStack's {@code LicenseInventory} field names). A platform licence has
 * {@code licenseType} {@code Basic}, its edition in {@code prodInfo} and its capacity in {@code quotaType},
 * {@code hostNum} and {@code cpuNum}; a module licence has {@code licenseType} {@code AddOn} and its modules. The trial
 * started on an installation's first start has {@code licenseType} {@code Trial}, every module and no capacity limit.
 *
 * @param uuid               the licence's own uuid, chosen by its issuer
 * @param name               a display name, e.g. {@code Kumo Enterprise} or {@code Kumo Plus: vmware}
 * @param user               who the licence was issued to
 * @param prodInfo           the edition of a platform licence or trial ({@code Enterprise} or {@code Hybrid}); null for modules
 * @param licenseType        {@code Basic}, {@code Trial} or {@code AddOn}
 * @param modules            the modules of an {@code AddOn} licence or of the trial; empty for a {@code Basic} licence
 * @param quotaType          what the capacity counts: {@code host} or {@code cpu} (sockets); null for modules and the trial
 * @param hostNum            the licensed number of hosts when {@code quotaType} is {@code host}, else 0
 * @param cpuNum             the licensed number of CPU sockets when {@code quotaType} is {@code cpu}, else 0
 * @param issuedDate         when it was issued
 * @param expiredDate        when it stops allowing new operations
 * @param uploadDate         when it was uploaded to this installation
 * @param expired            true once {@code expiredDate} has passed
 * @param source             who signed it: {@code kumo} for the release key, or the name of a configured extra key
 */
public record LicenceInventory(String uuid, String name, String user, String prodInfo, String licenseType,
                               List<String> modules, String quotaType, int hostNum, int cpuNum, Timestamp issuedDate,
                               Timestamp expiredDate, Timestamp uploadDate, boolean expired, String source) {
    /** The resource type of licences in events and permissions. */
    public static final String RESOURCE_TYPE = "license";
    /** {@code licenseType} of a platform licence. */
    public static final String BASIC = "Basic";
    /** {@code licenseType} of the trial licence. */
    public static final String TRIAL = "Trial";
    /** {@code licenseType} of a module licence. */
    public static final String ADD_ON = "AddOn";
    /** {@code quotaType} counting hosts. */
    public static final String QUOTA_HOST = "host";
    /** {@code quotaType} counting CPU sockets. */
    public static final String QUOTA_CPU = "cpu";

    /** Copies the module list. */
    public LicenceInventory {
        modules = modules == null ? List.of() : List.copyOf(modules);
    }
}
