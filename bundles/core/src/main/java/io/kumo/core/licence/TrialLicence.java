package io.kumo.core.licence;

import io.kumo.api.licence.LicenceInventory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * Starts the trial on an installation's first start: the trial grant that ships in this bundle (signed with the
 * release key like any licence) is stored with the day it started, and from then on counts as a platform licence with
 * every module for its {@code trialDays}, on a single management node. It starts once per installation: only when no
 * licence was ever stored, and its row is never deleted (it ends by itself, or when a platform licence is uploaded).
 */
public class TrialLicence {
    private static final Logger LOG = LoggerFactory.getLogger(TrialLicence.class);
    /** Where the grant ships. */
    static final String GRANT_RESOURCE = "/io/kumo/core/licence/kumo-trial.lic";

    private final LicenceStore store;
    private final LicenceManager licences;
    private final boolean enabled;
    private final String grant;

    /**
     * @param store    where licences are kept
     * @param licences the licence service, for its keys and clock
     * @param enabled  false to run without a trial (configuration {@code licence.trial})
     */
    public TrialLicence(LicenceStore store, LicenceManager licences, boolean enabled) {
        this(store, licences, enabled, readGrant());
    }

    /** @param grant the grant file's text (tests) */
    TrialLicence(LicenceStore store, LicenceManager licences, boolean enabled, String grant) {
        this.store = store;
        this.licences = licences;
        this.enabled = enabled;
        this.grant = grant;
    }

    /** Starts the trial if this is the installation's first start; a failure only leaves the community edition. */
    public void start() {
        if (!enabled) {
            return;
        }
        try {
            startIfFirst();
        } catch (RuntimeException e) {
            LOG.warn("The trial licence could not be started ({}); running as the community edition", e.getMessage());
        }
    }

    /** @return the trial, if this call started it */
    Optional<LicenceInventory> startIfFirst() {
        if (!store.all().isEmpty()) {
            return Optional.empty();
        }
        LicenceFile file = LicenceFile.read(grant, licences.keys());
        if (!file.isTrial()) {
            throw new IllegalStateException(GRANT_RESOURCE + " is not a trial grant");
        }
        Instant now = licences.now();
        if (file.isExpired(now)) {
            LOG.info("This release's trial grant ended on {}; running as the community edition", file.expiredDate());
            return Optional.empty();
        }
        LicenceFile trial = file.startedAt(now);
        LicenceEntity row = new LicenceEntity();
        row.setUuid(trial.uuid());
        row.setLicenseType(LicenceInventory.TRIAL);
        row.setProduct(trial.edition());
        row.setExpiredDate(Timestamp.from(trial.expiredDate()));
        row.setUploadDate(Timestamp.from(now));
        row.setContent(grant);
        try {
            store.put(row);
        } catch (RuntimeException raced) {
            return Optional.empty();  // another node started it at the same moment: its row is the trial
        }
        licences.invalidate();
        LOG.info("Started the {}-day trial licence: every Kumo Plus module on a single management node, until {}",
                trial.trialDays(), trial.expiredDate());
        return licences.platformLicence();
    }

    private static String readGrant() {
        try (InputStream in = TrialLicence.class.getResourceAsStream(GRANT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the trial grant " + GRANT_RESOURCE + " is missing from the bundle");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the trial grant", e);
        }
    }
}
