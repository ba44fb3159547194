package io.kumo.core.operation;

import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.ParamType;
import io.kumo.api.operation.ParameterDescriptor;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParameterValidatorTest {
    private static final String UUID = "0123456789abcdef0123456789abcdef";

    private static OperationDescriptor op(ParameterDescriptor... params) {
        OperationDescriptor.Builder b = OperationDescriptor.builder("DoThing").kind(OperationKind.ACTION);
        for (ParameterDescriptor p : params) {
            b.param(p);
        }
        return b.build();
    }

    /** @return the converted value of the single parameter {@code p} */
    private static Object convert(ParameterDescriptor p, Object raw) {
        Map<String, Object> in = new HashMap<>();
        in.put(p.name(), raw);
        return ParameterValidator.validate(op(p), in).get(p.name());
    }

    /** @return the detail of the 400 refusing {@code raw} */
    private static String refusal(ParameterDescriptor p, Object raw) {
        ApiException e = assertThrows(ApiException.class, () -> convert(p, raw), "expected a refusal of " + raw);
        assertEquals(ErrorCode.INVALID_ARGUMENT.code(), e.error().code());
        assertEquals(400, e.error().httpStatus());
        return e.error().details();
    }

    private static void assertRefused(ParameterDescriptor p, Object raw, String detailPart) {
        String detail = refusal(p, raw);
        assertTrue(detail.contains(detailPart), "'" + detail + "' should contain '" + detailPart + "'");
        assertTrue(detail.contains("parameter '" + p.name() + "' of DoThing"), detail);
    }

    @Test
    void strings() {
        ParameterDescriptor p = ParameterDescriptor.string("name");
        assertEquals("web-1", convert(p, "web-1"));
        assertEquals("", convert(p, ""));
        assertRefused(p, 42, "must be a string");
        assertRefused(p, true, "must be a string");
        assertRefused(p, List.of("a"), "must be a string");
    }

    @Test
    void stringLengthsAndPatterns() {
        ParameterDescriptor len = ParameterDescriptor.string("name").range(2, 5);
        assertEquals("ab", convert(len, "ab"));
        assertEquals("abcde", convert(len, "abcde"));
        assertRefused(len, "a", "at least 2 characters");
        assertRefused(len, "abcdef", "at most 5 characters long, not 6");

        ParameterDescriptor max = ParameterDescriptor.string("description").maxLength(3);
        assertEquals("abc", convert(max, "abc"));
        assertRefused(max, "abcd", "at most 3 characters");

        ParameterDescriptor pattern = ParameterDescriptor.string("name").matching("[a-z][a-z0-9-]*");
        assertEquals("web-1", convert(pattern, "web-1"));
        assertRefused(pattern, "Web-1", "must match [a-z][a-z0-9-]*, not 'Web-1'");
        assertRefused(pattern, "web 1", "must match");
        assertRefused(pattern, "x".repeat(100) + "!", "...'");
    }

    @Test
    void uuids() {
        ParameterDescriptor p = ParameterDescriptor.uuid("zoneUuid");
        assertEquals(UUID, convert(p, UUID));
        assertRefused(p, UUID.toUpperCase(), "must be a uuid of 32 lower-case hex digits");
        assertRefused(p, "01234567-89ab-cdef-0123-456789abcdef", "must be a uuid");
        assertRefused(p, UUID.substring(1), "must be a uuid");
        assertRefused(p, UUID + "0", "must be a uuid");
        assertRefused(p, "0123456789abcdef0123456789abcdeg", "must be a uuid");
        assertRefused(p, 12345, "must be a uuid (a JSON string)");
    }

    @Test
    void integers() {
        ParameterDescriptor p = ParameterDescriptor.integer("count");
        assertEquals(42, convert(p, 42));
        assertInstanceOf(Integer.class, convert(p, 42L), "INTEGER parameters are Integers");
        assertEquals(42, convert(p, 42L));
        assertEquals(-7, convert(p, "-7"));
        assertEquals(42, convert(p, " 42 "), "strings from the shell are trimmed");
        assertEquals(Integer.MAX_VALUE, convert(p, Integer.toString(Integer.MAX_VALUE)));
        assertEquals(7, convert(p, (short) 7));
        assertRefused(p, "4.2", "must be an integer, not '4.2'");
        assertRefused(p, "abc", "must be an integer, not 'abc'");
        assertRefused(p, 4.0, "must be an integer");
        assertRefused(p, true, "must be an integer");
        assertRefused(p, (long) Integer.MAX_VALUE + 1, "out of range");
        assertRefused(p, "2147483648", "out of range");
        assertRefused(p, "99999999999999999999", "must be an integer");
        assertRefused(p, new BigInteger("99999999999999999999"), "out of range");
    }

    @Test
    void longs() {
        ParameterDescriptor p = ParameterDescriptor.longParam("size");
        assertEquals(Long.MAX_VALUE, convert(p, Long.toString(Long.MAX_VALUE)));
        assertInstanceOf(Long.class, convert(p, 5), "LONG parameters are Longs, even from small JSON numbers");
        assertEquals(5L, convert(p, 5));
        assertEquals(-3L, convert(p, "-3"));
        assertRefused(p, "9223372036854775808", "must be an integer");
        assertRefused(p, 1.5, "must be an integer");
    }

    @Test
    void numericRanges() {
        ParameterDescriptor p = ParameterDescriptor.integer("cpu").range(1, 64);
        assertEquals(1, convert(p, 1));
        assertEquals(64, convert(p, "64"));
        assertRefused(p, 0, "must be between 1 and 64, not 0");
        assertRefused(p, "65", "must be between 1 and 64, not 65");

        ParameterDescriptor l = ParameterDescriptor.longParam("size").range(1024, 1L << 40);
        assertEquals(1024L, convert(l, 1024));
        assertRefused(l, 1023, "must be between 1024 and 1099511627776, not 1023");

        ParameterDescriptor d = ParameterDescriptor.of("ratio", ParamType.DOUBLE).range(0, 10);
        assertEquals(10.0, convert(d, 10));
        assertRefused(d, 10.5, "must be between 0 and 10, not 10.5");
        assertRefused(d, "-0.1", "must be between 0 and 10");
    }

    @Test
    void doubles() {
        ParameterDescriptor p = ParameterDescriptor.of("ratio", ParamType.DOUBLE);
        assertEquals(2.5, convert(p, 2.5));
        assertEquals(3.0, convert(p, 3), "JSON integers are accepted as doubles");
        assertInstanceOf(Double.class, convert(p, 3L));
        assertEquals(0.25, convert(p, " 0.25 "));
        assertEquals(1e3, convert(p, "1e3"));
        assertRefused(p, "abc", "must be a number, not 'abc'");
        assertRefused(p, true, "must be a number");
    }

    @Test
    void booleans() {
        ParameterDescriptor p = ParameterDescriptor.bool("force");
        assertEquals(true, convert(p, true));
        assertEquals(false, convert(p, false));
        assertEquals(true, convert(p, "true"));
        assertEquals(true, convert(p, "TRUE"));
        assertEquals(false, convert(p, "False"));
        assertRefused(p, "yes", "must be true or false, not 'yes'");
        assertRefused(p, 1, "must be true or false, not '1'");
        assertRefused(p, "", "must be true or false");
    }

    @Test
    void stringLists() {
        ParameterDescriptor p = ParameterDescriptor.stringList("names");
        assertEquals(List.of("a", "b"), convert(p, List.of("a", "b")));
        assertEquals(List.of(), convert(p, List.of()));
        assertEquals(List.of("only"), convert(p, "only"), "a single string is a list of one");
        assertRefused(p, List.of("a", 1), "must be a list of strings");
        assertRefused(p, 5, "must be a list of strings");
        assertRefused(p, Map.of("a", "b"), "must be a list of strings");

        ParameterDescriptor max = ParameterDescriptor.stringList("names").maxLength(2);
        assertEquals(List.of("a", "b"), convert(max, List.of("a", "b")));
        assertRefused(max, List.of("a", "b", "c"), "takes at most 2 values");
    }

    @Test
    void maps() {
        ParameterDescriptor p = ParameterDescriptor.of("labels", ParamType.MAP);
        assertEquals(Map.of("a", 1, "b", List.of("x")), convert(p, Map.of("a", 1, "b", List.of("x"))));
        assertRefused(p, "{\"a\":1}", "must be a JSON object");
        assertRefused(p, List.of(), "must be a JSON object");
    }

    @Test
    void allowedValues() {
        ParameterDescriptor p = ParameterDescriptor.string("state").oneOf("Enabled", "Disabled");
        assertEquals("Enabled", convert(p, "Enabled"));
        assertRefused(p, "enabled", "must be one of Enabled, Disabled, not 'enabled'");

        ParameterDescriptor n = ParameterDescriptor.integer("level").oneOf("1", "2", "3");
        assertEquals(2, convert(n, "2"));
        assertEquals(3, convert(n, 3));
        assertRefused(n, 4, "must be one of 1, 2, 3, not '4'");
    }

    @Test
    void requiredParameters() {
        ParameterDescriptor name = ParameterDescriptor.string("name").mandatory().describedAs("the zone name");
        OperationDescriptor op = op(name, ParameterDescriptor.string("description"));
        ApiException missing = assertThrows(ApiException.class, () -> ParameterValidator.validate(op, Map.of()));
        assertEquals(ErrorCode.INVALID_ARGUMENT.code(), missing.error().code());
        assertEquals("parameter 'name' is required by DoThing (the zone name)", missing.error().details());

        Map<String, Object> nullName = new HashMap<>();
        nullName.put("name", null);
        assertThrows(ApiException.class, () -> ParameterValidator.validate(op, nullName), "null counts as absent");
        assertThrows(ApiException.class, () -> ParameterValidator.validate(op, null));

        Map<String, Object> out = ParameterValidator.validate(op, Map.of("name", "z1"));
        assertEquals(Map.of("name", "z1"), out, "absent optional parameters without default stay absent");

        ApiException bare = assertThrows(ApiException.class,
                () -> ParameterValidator.validate(op(ParameterDescriptor.uuid("uuid").mandatory()), Map.of()));
        assertEquals("parameter 'uuid' is required by DoThing", bare.error().details());
    }

    @Test
    void defaultsAreConvertedToTheDeclaredType() {
        OperationDescriptor op = op(
                ParameterDescriptor.integer("count").withDefault("3"),
                ParameterDescriptor.bool("force").withDefault("false"),
                ParameterDescriptor.longParam("size").withDefault("1024"),
                ParameterDescriptor.of("ratio", ParamType.DOUBLE).withDefault("0.5"),
                ParameterDescriptor.string("type").mandatory().withDefault("zone"),
                ParameterDescriptor.stringList("names").withDefault("a"));
        Map<String, Object> out = ParameterValidator.validate(op, null);
        assertEquals(3, out.get("count"));
        assertEquals(false, out.get("force"));
        assertEquals(1024L, out.get("size"));
        assertEquals(0.5, out.get("ratio"));
        assertEquals("zone", out.get("type"), "a default satisfies a required parameter");
        assertEquals(List.of("a"), out.get("names"));
        assertEquals(List.of("count", "force", "size", "ratio", "type", "names"), List.copyOf(out.keySet()), "declaration order");

        assertEquals(7, ParameterValidator.validate(op, Map.of("count", 7)).get("count"), "a value beats the default");
        Map<String, Object> nullCount = new HashMap<>();
        nullCount.put("count", null);
        assertEquals(3, ParameterValidator.validate(op, nullCount).get("count"));
    }

    @Test
    void unknownParametersAreRefusedListingTheValidOnes() {
        OperationDescriptor op = op(ParameterDescriptor.string("name"), ParameterDescriptor.uuid("zoneUuid"),
                ParameterDescriptor.bool("force"));
        ApiException e = assertThrows(ApiException.class,
                () -> ParameterValidator.validate(op, Map.of("name", "a", "nmae", "b")));
        assertEquals(ErrorCode.INVALID_ARGUMENT.code(), e.error().code());
        assertEquals(400, e.error().httpStatus());
        assertEquals("unknown parameter 'nmae' for DoThing; valid parameters: name, zoneUuid, force", e.error().details());
    }

    @Test
    void queryOperationsAcceptTheStandardQueryParameters() {
        OperationDescriptor query = OperationDescriptor.builder("QueryThing").kind(OperationKind.QUERY).build();
        Map<String, Object> out = ParameterValidator.validate(query, Map.of("limit", "10", "q", "name=a", "replyWithCount", "true"));
        assertEquals(List.of("name=a"), out.get("q"));
        assertEquals(true, out.get("replyWithCount"));
        assertEquals(10, out.get("limit"));
        assertRefused(ParameterDescriptor.integer("limit").range(0, 100_000), "-1", "must be between 0 and 100000");
        ApiException e = assertThrows(ApiException.class, () -> ParameterValidator.validate(query, Map.of("sortDirection", "up")));
        assertTrue(e.error().details().contains("must be one of asc, desc"), e.error().details());
    }
}
