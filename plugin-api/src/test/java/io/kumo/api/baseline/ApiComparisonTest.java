package io.kumo.api.baseline;

import io.kumo.api.baseline.ApiSnapshot.PackageApi;
import io.kumo.api.baseline.ApiSnapshot.Version;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The versioning rules of the API check, on synthetic snapshots. */
class ApiComparisonTest {
    private static final String RUN = "p.Job method public abstract void run(java.lang.String)";
    private static final String NAME = "p.Job method public abstract java.lang.String name()";
    private static final String TYPE = "p.Job type public abstract interface p.Job";

    private static ApiSnapshot snapshot(String version, String... signatures) {
        TreeMap<String, PackageApi> m = new TreeMap<>();
        m.put("p", new PackageApi(Version.parse(version), new TreeSet<>(Set.of(signatures))));
        return new ApiSnapshot(m);
    }

    @Test
    void anUnchangedApiPasses() {
        ApiComparison c = ApiComparison.compare(snapshot("1.0.0", TYPE, RUN), snapshot("1.0.0", TYPE, RUN));
        assertTrue(c.unchanged());
        assertFalse(c.failed());
    }

    @Test
    void aRemovalWithoutAMajorBumpFails() {
        for (String v : new String[] {"1.0.0", "1.1.0", "1.0.5"}) {
            ApiComparison c = ApiComparison.compare(snapshot("1.0.0", TYPE, RUN, NAME), snapshot(v, TYPE, RUN));
            assertTrue(c.failed(), v);
            String report = c.report();
            assertTrue(report.contains("- removed: " + NAME), report);
            assertTrue(report.contains("bump the major version to 2.0.0"), report);
            assertTrue(report.contains(ApiComparison.UPDATE_COMMAND), report);
        }
        assertFalse(ApiComparison.compare(snapshot("1.0.0", TYPE, RUN, NAME), snapshot("2.0.0", TYPE, RUN)).failed());
    }

    @Test
    void aChangedSignatureIsReportedAsSuchAndNeedsAMajorBump() {
        String runReturning = "p.Job method public abstract boolean run(java.lang.String)";
        ApiComparison c = ApiComparison.compare(snapshot("1.2.0", TYPE, RUN), snapshot("1.3.0", TYPE, runReturning));
        assertTrue(c.failed(), "a changed return type breaks callers even with a minor bump");
        var change = c.packages().get(0);
        assertEquals(Map.of(RUN, runReturning), change.changed());
        assertTrue(change.removed().isEmpty() && change.added().isEmpty());
        assertTrue(c.report().contains("~ changed: " + RUN), c.report());
        assertFalse(ApiComparison.compare(snapshot("1.2.0", TYPE, RUN), snapshot("2.0.0", TYPE, runReturning)).failed());

        String finalType = "p.Job type public final class p.Job";
        assertTrue(ApiComparison.compare(snapshot("1.0.0", TYPE), snapshot("1.1.0", finalType)).failed(), "a type's declaration counts too");
    }

    @Test
    void anAdditionNeedsAMinorOrMajorBump() {
        ApiComparison same = ApiComparison.compare(snapshot("1.1.0", TYPE), snapshot("1.1.0", TYPE, RUN));
        assertTrue(same.failed());
        assertTrue(same.report().contains("+ added:   " + RUN), same.report());
        assertTrue(same.report().contains("bump the minor version to 1.2.0"), same.report());
        assertTrue(ApiComparison.compare(snapshot("1.1.0", TYPE), snapshot("1.1.1", TYPE, RUN)).failed(), "a micro bump is not enough");
        assertFalse(ApiComparison.compare(snapshot("1.1.0", TYPE), snapshot("1.2.0", TYPE, RUN)).failed());
        assertFalse(ApiComparison.compare(snapshot("1.1.0", TYPE), snapshot("2.0.0", TYPE, RUN)).failed());
    }

    @Test
    void aVersionChangeWithoutApiChangeIsFineButNotADecrease() {
        ApiComparison up = ApiComparison.compare(snapshot("1.0.0", TYPE), snapshot("1.0.1", TYPE));
        assertFalse(up.failed());
        assertFalse(up.unchanged(), "reported, so that the baseline can be regenerated");
        ApiComparison down = ApiComparison.compare(snapshot("1.1.0", TYPE), snapshot("1.0.0", TYPE));
        assertTrue(down.failed());
        assertTrue(down.report().contains("never decrease"), down.report());
    }

    @Test
    void newPackagesPassAndRemovedPackagesFail() {
        TreeMap<String, PackageApi> two = new TreeMap<>(snapshot("1.0.0", TYPE).packages());
        two.put("q", new PackageApi(Version.parse("1.0.0"), new TreeSet<>(Set.of("q.X type public final class q.X"))));
        ApiComparison added = ApiComparison.compare(snapshot("1.0.0", TYPE), new ApiSnapshot(two));
        assertFalse(added.failed());
        assertTrue(added.report().contains("package q (new) -> 1.0.0"), added.report());

        ApiComparison removed = ApiComparison.compare(new ApiSnapshot(two), snapshot("1.0.0", TYPE));
        assertTrue(removed.failed());
        assertTrue(removed.report().contains("package q 1.0.0 -> (removed)") && removed.report().contains("was removed"), removed.report());
    }

    @Test
    void keysIdentifyMembersWhateverTheirDeclaration() {
        assertEquals("p.Job method run(java.lang.String)", ApiComparison.key(RUN));
        assertEquals("p.Job method put(java.util.Map<java.lang.String, java.lang.Object>)",
                ApiComparison.key("p.Job method public <T> T put(java.util.Map<java.lang.String, java.lang.Object>) throws java.io.IOException"));
        assertEquals("p.Job field LIMIT", ApiComparison.key("p.Job field public static final int LIMIT"));
        assertEquals("p.Job type", ApiComparison.key(TYPE));
    }

    @Test
    void theFileFormatRoundTripsAndRejectsGarbage() {
        ApiSnapshot s = snapshot("1.2.3", TYPE, RUN, NAME);
        assertEquals(s, ApiSnapshot.parse(s.render()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ApiSnapshot.parse("package p 1.0.0\nnot indented\n"));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Version.parse("1.x"));
    }
}
