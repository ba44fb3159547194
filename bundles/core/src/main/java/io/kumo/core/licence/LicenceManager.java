package io.kumo.core.licence;

import io.kumo.api.error.ApiException;
import io.kumo.api.licence.LicenceInventory;
import io.kumo.api.licence.LicenceService;
import io.kumo.api.node.ClusterService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link LicenceService}: the licences stored in the shared database, each verified again when read, cached for a
 * few seconds so that checks cost nothing on the hot path and an upload on another node is seen within that time.
 * <p>
 * The platform licence is the latest {@code Basic} upload or, without one, the trial started on the installation's
 * first start ({@link TrialLicence}): every module, for a limited time, on a single management node. Once a platform
 * licence is uploaded the trial no longer counts.
 */
public class LicenceManager implements LicenceService {
    private static final Logger LOG = LoggerFactory.getLogger(LicenceManager.class);
    /** How long the licences read from the database are reused. */
    static final Duration CACHE_TTL = Duration.ofSeconds(5);
    private static final String HOW_TO_UPLOAD = "upload it with PUT /zstack/v1/licenses/mn/{managementNodeUuid}/actions "
            + "{\"updateLicense\":{\"license\":\"<the licence file in base64>\"}} or kumo:update-license";

    private final LicenceStore store;
    private final TrustedKeys keys;
    private final Clock clock;
    private final ClusterService cluster;
    private volatile Snapshot snapshot;

    /** The verified licences at one time, and how many management nodes were live then. */
    record Snapshot(Instant readAt, LicenceFile platform, List<StoredLicence> all, int liveNodes) { }

    /** A verified licence with its upload date. */
    record StoredLicence(LicenceFile file, Timestamp uploadDate) { }

    /**
     * @param store     where licences are kept
     * @param extraKeys keys trusted besides the release key ({@code name:base64,...}), blank for none
     */
    public LicenceManager(LicenceStore store, String extraKeys, ClusterService cluster) {
        this(store, TrustedKeys.releaseKeyAnd(extraKeys), Clock.systemUTC(), cluster);
        if (keys.extraKeyCount() > 0) {
            LOG.warn("Licences signed by {} key(s) besides the Kumo release key are accepted (licence.extraKeys): "
                    + "this is for development and testing only", keys.extraKeyCount());
        }
    }

    /**
     * @param store   where licences are kept
     * @param keys    the trusted keys
     * @param clock   the clock (tests)
     * @param cluster the management nodes, counted for the trial's single-node limit (null: one node)
     */
    public LicenceManager(LicenceStore store, TrustedKeys keys, Clock clock, ClusterService cluster) {
        this.store = store;
        this.keys = keys;
        this.clock = clock;
        this.cluster = cluster;
    }

    /** @return the keys licences are verified with */
    TrustedKeys keys() { return keys; }

    /** @return the current time of this manager's clock */
    Instant now() { return clock.instant(); }

    /** Forgets the cached licences: the next check reads them again (after an upload or a delete on this node). */
    public void invalidate() { snapshot = null; }

    @Override
    public Optional<LicenceInventory> platformLicence() {
        Snapshot s = current();
        return s.all().stream().filter(l -> l.file() == s.platform()).findFirst().map(this::toInventory);
    }

    @Override
    public List<LicenceInventory> moduleLicences() {
        return current().all().stream().filter(l -> !l.file().isPlatform()).map(this::toInventory).toList();
    }

    /** @return every stored licence, platform first */
    public List<LicenceInventory> all() {
        List<LicenceInventory> all = new ArrayList<>();
        platformLicence().ifPresent(all::add);
        all.addAll(moduleLicences());
        return all;
    }

    @Override
    public void checkModule(String module, boolean mutating) {
        Snapshot s = current();
        Instant now = clock.instant();
        if (s.platform() == null) {
            throw new ApiException(LICENCE_REQUIRED, "module " + module + " needs a Kumo Plus licence, and Plus licences "
                    + "need a platform licence, which this installation does not have; get both from your Kumo supplier and " + HOW_TO_UPLOAD);
        }
        if (s.platform().isTrial()) {
            checkTrial(s, module, mutating, now);
            return;
        }
        List<LicenceFile> forModule = s.all().stream().map(StoredLicence::file)
                .filter(f -> !f.isTrial() && f.modules().contains(module)).toList();
        if (forModule.isEmpty()) {
            throw new ApiException(LICENCE_REQUIRED, "module " + module + " is installed but has no licence; "
                    + "get a Kumo Plus licence for " + module + " and " + HOW_TO_UPLOAD);
        }
        if (!mutating) {
            return;  // what exists stays visible after expiry
        }
        if (s.platform().isExpired(now)) {
            throw expired("the platform licence " + s.platform().uuid() + " expired on " + s.platform().expiredDate());
        }
        if (forModule.stream().allMatch(f -> f.isExpired(now))) {
            Instant last = forModule.stream().map(LicenceFile::expiredDate).max(Comparator.naturalOrder()).orElseThrow();
            throw expired("the licence of module " + module + " expired on " + last);
        }
    }

    private static void checkTrial(Snapshot s, String module, boolean mutating, Instant now) {
        LicenceFile trial = s.platform();
        if (s.liveNodes() > 1) {
            throw new ApiException(LICENCE_REQUIRED, "module " + module + " runs on the trial licence, which covers a single "
                    + "management node, and " + s.liveNodes() + " are running; stop the other nodes, or get a platform "
                    + "licence and a Kumo Plus licence for " + module + " from your Kumo supplier and " + HOW_TO_UPLOAD);
        }
        if (mutating && trial.isExpired(now)) {
            throw expired("the trial licence ended on " + trial.expiredDate());
        }
    }

    @Override
    public void checkCapacity(String quotaType, long total) {
        LicenceFile platform = current().platform();
        if (platform == null || !Objects.equals(platform.quotaType(), quotaType) || total <= platform.quota()) {
            return;
        }
        String unit = LicenceInventory.QUOTA_HOST.equals(quotaType) ? "hosts" : "CPU sockets";
        throw new ApiException(LICENCE_CAPACITY_EXCEEDED, "the platform licence " + platform.uuid() + " allows "
                + platform.quota() + " " + unit + " and this would make " + total + "; remove " + unit + " or get a licence "
                + "for more from your Kumo supplier, then " + HOW_TO_UPLOAD);
    }

    @Override
    public boolean limits(String quotaType) {
        LicenceFile platform = current().platform();
        return platform != null && Objects.equals(platform.quotaType(), quotaType);
    }

    private static ApiException expired(String what) {
        return new ApiException(LICENCE_EXPIRED, what + ": what exists keeps running and can be read, but new operations "
                + "are refused; get a renewed licence from your Kumo supplier and " + HOW_TO_UPLOAD);
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        Instant now = clock.instant();
        if (s == null || s.readAt().plus(CACHE_TTL).isBefore(now)) {
            s = read(now);
            snapshot = s;
        }
        return s;
    }

    private Snapshot read(Instant now) {
        List<StoredLicence> all = new ArrayList<>();
        LicenceFile platform = null;
        LicenceFile trial = null;
        for (LicenceEntity row : store.all()) {
            LicenceFile file;
            try {
                file = LicenceFile.read(row.getContent(), keys);
            } catch (ApiException e) {
                LOG.warn("Ignoring stored licence {}: {}", row.getUuid(), e.error().details());
                continue;
            }
            if (file.isTrial()) {
                file = file.startedAt(row.getUploadDate().toInstant());
                trial = file;
            } else if (file.isPlatform()) {
                platform = file;  // the latest upload wins
            }
            all.add(new StoredLicence(file, row.getUploadDate()));
        }
        if (platform == null) {
            platform = trial;
        } else if (trial != null) {
            LicenceFile ended = trial;
            all.removeIf(l -> l.file() == ended);  // a platform licence ends the trial
        }
        int liveNodes = cluster == null ? 1 : cluster.nodes().size();
        return new Snapshot(now, platform, List.copyOf(all), liveNodes);
    }

    private LicenceInventory toInventory(StoredLicence l) {
        LicenceFile f = l.file();
        String name = f.isTrial() ? "Kumo " + f.edition() + " trial"
                : f.isPlatform() ? "Kumo " + f.edition() : "Kumo Plus: " + String.join(", ", f.modules());
        return new LicenceInventory(f.uuid(), name, f.user(), f.edition(), f.licenseType(), f.modules(), f.quotaType(),
                LicenceInventory.QUOTA_HOST.equals(f.quotaType()) ? f.quota() : 0,
                LicenceInventory.QUOTA_CPU.equals(f.quotaType()) ? f.quota() : 0,
                Timestamp.from(f.issuedDate()), Timestamp.from(f.expiredDate()), l.uploadDate(), f.isExpired(clock.instant()),
                f.source());
    }
}
