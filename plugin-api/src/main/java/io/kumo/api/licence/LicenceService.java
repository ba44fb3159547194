package io.kumo.api.licence;

import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;

import java.util.List;
import java.util.Optional;

/**
 * The licences of this installation, shared by all its management nodes. Without any licence Kumo runs as the
 * community edition: every open module works without a capacity limit, and no licensed (Plus) module works.
 * <p>
 * The kernel calls {@link #checkModule} for every call of an operation that declares a licensed module; plugins call
 * {@link #checkCapacity} before they add capacity (a host, CPU sockets).
 */
public interface LicenceService {
    /** A licensed module has no valid licence, or module licences lack the platform licence they need. */
    ErrorCode LICENCE_REQUIRED = new ErrorCode("LICENSE.1001", 403, "A licence is required");
    /** The licence that allows this has expired: what exists keeps running, new operations are refused. */
    ErrorCode LICENCE_EXPIRED = new ErrorCode("LICENSE.1002", 403, "The licence has expired");
    /** The platform licence's capacity (hosts or CPU sockets) would be exceeded. */
    ErrorCode LICENCE_CAPACITY_EXCEEDED = new ErrorCode("LICENSE.1003", 403, "The licensed capacity would be exceeded");
    /** An uploaded licence file is not a valid Kumo licence (format, signature, dates, modules). */
    ErrorCode INVALID_LICENCE = new ErrorCode("LICENSE.1004", 400, "The licence is not valid");

    /** @return the platform (Basic) licence, if one was uploaded (expired or not) */
    Optional<LicenceInventory> platformLicence();

    /** @return the module (AddOn) licences, one per module at most */
    List<LicenceInventory> moduleLicences();

    /**
     * Checks that a licensed module may run an operation now.
     *
     * @param module   a module name from {@link LicensedModules}
     * @param mutating true for an operation that creates or changes something: an expired licence still allows reads
     * @throws ApiException {@link #LICENCE_REQUIRED} if the module or the platform has no licence,
     *                      {@link #LICENCE_EXPIRED} if a needed licence has expired and the operation is mutating
     */
    void checkModule(String module, boolean mutating);

    /**
     * Checks that the platform licence allows a total of {@code total} units of a capacity. Always passes without a
     * platform licence (community edition) and for a quota type the licence does not count.
     *
     * @param quotaType {@link LicenceInventory#QUOTA_HOST} or {@link LicenceInventory#QUOTA_CPU}
     * @param total     how many units there would be in all after the change
     * @throws ApiException {@link #LICENCE_CAPACITY_EXCEEDED} saying the licensed and the wanted number
     */
    void checkCapacity(String quotaType, long total);

    /**
     * @param quotaType {@link LicenceInventory#QUOTA_HOST} or {@link LicenceInventory#QUOTA_CPU}
     * @return true if the platform licence limits this capacity now: callers count what exists only then
     */
    boolean limits(String quotaType);
}
