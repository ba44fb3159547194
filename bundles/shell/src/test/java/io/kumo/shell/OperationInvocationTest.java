package io.kumo.shell;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kumo.api.error.ApiException;
import io.kumo.api.operation.OperationDescriptor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OperationInvocationTest {
    private final ObjectMapper mapper = ShellJson.newMapper();

    private OperationInvocation parse(OperationDescriptor d, Object... args) {
        String command = "kumo:" + d.shellCommand();
        ParsedArguments parsed = new ArgumentParser(command, OperationOptions.of(d)).parse(new ArrayList<>(Arrays.asList(args)));
        return OperationInvocation.from(command, d, parsed, mapper);
    }

    private ApiException failure(OperationDescriptor d, Object... args) {
        return assertThrows(ApiException.class, () -> parse(d, args));
    }

    @Test
    void separateAndInlineValuesBecomeStrings() {
        OperationInvocation inv = parse(Fixtures.CREATE_ZONE, "--name", "zone1", "--description=a b=c", "--state", "Disabled");
        assertEquals(Map.of("name", "zone1", "description", "a b=c", "state", "Disabled"), inv.rawParams());
        assertEquals(List.of("name", "description", "state"), List.copyOf(inv.rawParams().keySet()));
    }

    @Test
    void anAtPathValueIsReadFromThatFileAndADoubleAtIsALiteralAt(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path file = dir.resolve("description.txt");
        java.nio.file.Files.writeString(file, "from a file\n");
        assertEquals("from a file", parse(Fixtures.CREATE_ZONE, "--name", "z", "--description", "@" + file).rawParams().get("description"));
        assertEquals("@home", parse(Fixtures.CREATE_ZONE, "--name", "z", "--description=@@home").rawParams().get("description"));
        io.kumo.api.error.ApiException e = org.junit.jupiter.api.Assertions.assertThrows(io.kumo.api.error.ApiException.class,
                () -> parse(Fixtures.CREATE_ZONE, "--name", "z", "--description", "@" + dir.resolve("missing")));
        assertEquals("SYS.1007", e.error().code());
        org.junit.jupiter.api.Assertions.assertTrue(e.error().details().contains("there is no file"), e.error().details());
    }

    @Test
    void valuesStartingWithADashAreTakenAfterAnOption() {
        OperationInvocation inv = parse(Fixtures.QUERY_ZONE, "--sort", "-createDate", "--limit", "5");
        assertEquals("-createDate", inv.rawParams().get("sort"));
        assertEquals("5", inv.rawParams().get("limit"));
    }

    @Test
    void queryConditionsRepeatAndKeepTheirCommas() {
        OperationInvocation inv = parse(Fixtures.QUERY_ZONE, "--q", "name=zone1", "--q", "uuid?=a,b", "--q=state!=Disabled");
        assertEquals(List.of("name=zone1", "uuid?=a,b", "state!=Disabled"), inv.rawParams().get("q"));
    }

    @Test
    void otherListsAlsoSplitOnCommas() {
        OperationInvocation inv = parse(Fixtures.UPDATE_ZONE, "u1", "--tags", "a,b", "--tags", "c", "--tags= d ,");
        assertEquals(List.of("a", "b", "c", "d"), inv.rawParams().get("tags"));
        OperationInvocation fields = parse(Fixtures.QUERY_ZONE, "--fields", "uuid,name");
        assertEquals(List.of("uuid", "name"), fields.rawParams().get("fields"));
    }

    @Test
    void booleansAsFlagOrExplicitValue() {
        assertEquals("true", parse(Fixtures.CREATE_ZONE, "--dryRun", "--name", "z").rawParams().get("dryRun"));
        assertEquals("false", parse(Fixtures.CREATE_ZONE, "--dryRun=false").rawParams().get("dryRun"));
        assertEquals("false", parse(Fixtures.CREATE_ZONE, "--dryRun", "FALSE").rawParams().get("dryRun"));
        // Karaf turns a bare true/false into a Boolean
        assertEquals("false", parse(Fixtures.CREATE_ZONE, "--dryRun", Boolean.FALSE).rawParams().get("dryRun"));
        assertEquals("true", parse(Fixtures.QUERY_ZONE, "--count").rawParams().get("count"));
    }

    @Test
    void firstPositionalBindsToUuid() {
        OperationInvocation inv = parse(Fixtures.UPDATE_ZONE, "0a1b2c", "--name", "renamed", "--weight", "3");
        assertEquals(Map.of("uuid", "0a1b2c", "name", "renamed", "weight", "3"), inv.rawParams());
        assertEquals("0a1b2c", parse(Fixtures.UPDATE_ZONE, "--uuid", "0a1b2c").rawParams().get("uuid"));
    }

    @Test
    void tagsAndShellFlags() {
        OperationInvocation inv = parse(Fixtures.CREATE_ZONE, "--name", "z", "--system-tag", "a::b", "--system-tag=c",
                "--user-tag", "mine", "--json", "--async");
        assertEquals(List.of("a::b", "c"), inv.systemTags());
        assertEquals(List.of("mine"), inv.userTags());
        assertTrue(inv.json());
        assertTrue(inv.async());
        assertFalse(inv.help());
        assertFalse(inv.rawParams().containsKey("json"));
        assertFalse(inv.rawParams().containsKey("system-tag"));
        OperationInvocation plain = parse(Fixtures.CREATE_ZONE, "--name", "z");
        assertFalse(plain.json());
        assertEquals(List.of(), plain.systemTags());
    }

    @Test
    void mapsFromPairsOrJson() {
        assertEquals(Map.of("a", "1", "b", "x=y"),
                parse(Fixtures.UPDATE_ZONE, "u", "--labels", "a=1", "--labels", "b=x=y").rawParams().get("labels"));
        assertEquals(Map.of("a", 1, "b", List.of("x")),
                parse(Fixtures.UPDATE_ZONE, "u", "--labels", "{\"a\":1,\"b\":[\"x\"]}").rawParams().get("labels"));
        assertTrue(failure(Fixtures.UPDATE_ZONE, "u", "--labels", "novalue").getMessage().contains("key=value"));
        assertTrue(failure(Fixtures.UPDATE_ZONE, "u", "--labels", "{broken").getMessage().contains("JSON"));
    }

    @Test
    void unknownOptionListsTheValidOnes() {
        ApiException e = failure(Fixtures.CREATE_ZONE, "--nmae", "zone1");
        assertEquals("SYS.1007", e.error().code());
        String details = e.error().details();
        assertTrue(details.startsWith("unknown option --nmae for kumo:create-zone; valid options: --name, --description"), details);
        assertTrue(details.contains("--system-tag") && details.contains("--help"), details);
        assertTrue(failure(Fixtures.CREATE_ZONE, "--nmae=zone1").error().details().startsWith("unknown option --nmae for"));
        assertTrue(failure(Fixtures.CREATE_ZONE, "-n", "zone1").error().details().startsWith("unknown option -n for"));
    }

    @Test
    void malformedCommandLines() {
        assertTrue(failure(Fixtures.CREATE_ZONE, "--name").error().details().contains("needs a value"));
        assertTrue(failure(Fixtures.CREATE_ZONE, "--name", "a", "--name", "b").error().details().contains("given twice"));
        assertTrue(failure(Fixtures.CREATE_ZONE, "--dryRun=maybe").error().details().contains("true or false"));
        assertTrue(failure(Fixtures.CREATE_ZONE, "zone1").error().details().contains("takes no positional argument"));
        assertTrue(failure(Fixtures.UPDATE_ZONE, "u1", "u2").error().details().contains("one positional argument"));
        assertTrue(failure(Fixtures.UPDATE_ZONE, "u1", "--uuid", "u1").error().details().contains("given both"));
        assertEquals("SYS.1007", failure(Fixtures.CREATE_ZONE, "--name").error().code());
    }

    @Test
    void helpIsAFlagToo() {
        assertTrue(parse(Fixtures.CREATE_ZONE, "--help").help());
    }
}
