package io.kumo.shell;

import io.kumo.shell.Fakes.FakeSession;
import io.kumo.shell.Fakes.Line;
import org.apache.karaf.shell.api.console.Candidate;
import org.apache.karaf.shell.api.console.Completer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OptionCompleterTest {
    private final FakeSession session = new FakeSession();

    private static Completer completer(io.kumo.api.operation.OperationDescriptor d, boolean scoped) {
        return new OptionCompleter("kumo", d.shellCommand(), OperationOptions.of(d), scoped);
    }

    private List<String> values(Completer c, String... words) {
        List<Candidate> candidates = new ArrayList<>();
        c.completeCandidates(session, new Line(words), candidates);
        return candidates.stream().map(Candidate::value).sorted().toList();
    }

    @Test
    void commandNameGlobalAndScoped() {
        assertEquals(List.of("create-zone", "kumo:create-zone"), values(completer(Fixtures.CREATE_ZONE, false), ""));
        assertEquals(List.of("kumo:create-zone"), values(completer(Fixtures.CREATE_ZONE, false), "kumo:cr"));
        assertEquals(List.of("create-zone"), values(completer(Fixtures.CREATE_ZONE, true), "cre"));
        assertEquals(List.of(), values(completer(Fixtures.CREATE_ZONE, false), "upd"));
    }

    @Test
    void optionNamesWithDashes() {
        Completer c = completer(Fixtures.CREATE_ZONE, false);
        assertEquals(List.of("--async", "--description", "--dryRun", "--help", "--json", "--name", "--state",
                "--system-tag", "--user-tag"), values(c, "kumo:create-zone", ""));
        assertEquals(List.of("--description", "--dryRun"), values(c, "kumo:create-zone", "--d"));
        assertEquals(List.of("--state", "--system-tag"), values(c, "create-zone", "--name", "z", "--s"));
    }

    @Test
    void givenSingleOptionsAreNotOfferedAgainButRepeatableOnesAre() {
        Completer c = completer(Fixtures.QUERY_ZONE, false);
        List<String> offered = values(c, "kumo:query-zone", "--limit", "5", "--q", "a=b", "--count", "--sortBy=name", "--");
        assertTrue(offered.contains("--q"), offered.toString());
        assertTrue(!offered.contains("--limit") && !offered.contains("--count") && !offered.contains("--sortBy"), offered.toString());
        assertTrue(offered.contains("--start"), offered.toString());
    }

    @Test
    void allowedValuesAfterAnOption() {
        Completer c = completer(Fixtures.CREATE_ZONE, false);
        assertEquals(List.of("Disabled", "Enabled"), values(c, "kumo:create-zone", "--state", ""));
        assertEquals(List.of("Disabled"), values(c, "kumo:create-zone", "--state", "D"));
        assertEquals(List.of("--state=Disabled", "--state=Enabled"), values(c, "kumo:create-zone", "--state="));
        assertEquals(List.of(), values(c, "kumo:create-zone", "--name", ""), "free text has nothing to offer");
        assertEquals(List.of("asc", "desc"), values(completer(Fixtures.QUERY_ZONE, false), "query-zone", "--sortDirection", ""));
    }

    @Test
    void booleansOfferTrueAndFalse() {
        Completer c = completer(Fixtures.CREATE_ZONE, false);
        assertEquals(List.of("--dryRun=false", "--dryRun=true"), values(c, "kumo:create-zone", "--dryRun="));
        assertEquals(List.of("false"), values(c, "kumo:create-zone", "--dryRun", "f"));
        List<String> afterFlag = values(c, "kumo:create-zone", "--dryRun", "");
        assertTrue(afterFlag.containsAll(List.of("true", "false", "--name")), afterFlag.toString());
    }

    @Test
    void otherCommandsLinesAreLeftAlone() {
        Completer c = completer(Fixtures.CREATE_ZONE, false);
        assertEquals(List.of(), values(c, "bundle:list", ""));
        assertEquals(List.of(), values(c, "kumo:update-zone", "--"));
    }

    @Test
    void stringCompletionEndsWithASpaceAndPointsAtTheWord() {
        Completer c = completer(Fixtures.CREATE_ZONE, false);
        List<String> strings = new ArrayList<>();
        Line line = new Line("kumo:create-zone", "--sta");
        int position = c.complete(session, line, strings);
        assertEquals(List.of("--state "), strings);
        assertEquals("kumo:create-zone ".length(), position);
        assertEquals(-1, c.complete(session, new Line("kumo:create-zone", "--zzz"), new ArrayList<>()));
    }

    @Test
    void optionsCarryTheirDescription() {
        List<Candidate> candidates = new ArrayList<>();
        completer(Fixtures.CREATE_ZONE, false).completeCandidates(session, new Line("create-zone", "--na"), candidates);
        assertEquals(1, candidates.size());
        assertEquals("zone name", candidates.get(0).descr());
        assertTrue(candidates.get(0).complete());
    }
}
