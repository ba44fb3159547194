package io.kumo.query;

import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.query.QueryCondition;
import io.kumo.api.query.QueryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QueryConditionParserTest {
    private final QueryConditionParser parser = new QueryConditionParser();

    private void assertCondition(String text, String field, QueryOperator op, String value) {
        assertEquals(new QueryCondition(field, op, value), parser.parse(text), text);
    }

    @Test
    void parsesEveryBinaryOperator() {
        assertCondition("name=vm1", "name", QueryOperator.EQ, "vm1");
        assertCondition("name!=vm1", "name", QueryOperator.NOT_EQ, "vm1");
        assertCondition("cpuNum>2", "cpuNum", QueryOperator.GT, "2");
        assertCondition("cpuNum<2", "cpuNum", QueryOperator.LT, "2");
        assertCondition("cpuNum>=2", "cpuNum", QueryOperator.GE, "2");
        assertCondition("cpuNum<=2", "cpuNum", QueryOperator.LE, "2");
        assertCondition("uuid?=a,b,c", "uuid", QueryOperator.IN, "a,b,c");
        assertCondition("uuid!?=a,b", "uuid", QueryOperator.NOT_IN, "a,b");
        assertCondition("name~=%web_%", "name", QueryOperator.LIKE, "%web_%");
        assertCondition("name!~=%web%", "name", QueryOperator.NOT_LIKE, "%web%");
    }

    @Test
    void parsesUnaryOperators() {
        assertCondition("description is null", "description", QueryOperator.IS_NULL, null);
        assertCondition("description not null", "description", QueryOperator.NOT_NULL, null);
        assertCondition("  description   IS   NULL ", "description", QueryOperator.IS_NULL, null);
        assertCondition("description is not null", "description", QueryOperator.NOT_NULL, null);
        assertCondition("nics.ip is null", "nics.ip", QueryOperator.IS_NULL, null);
        assertCondition("__userTag__ not null", "__userTag__", QueryOperator.NOT_NULL, null);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "name!?=a,b|name|NOT_IN|a,b",
            "name!~=a|name|NOT_LIKE|a",
            "a>=1|a|GE|1",
            "a<=1|a|LE|1",
            "a=>1|a|EQ|>1",
            "a=<1|a|EQ|<1",
            "a==1|a|EQ|=1",
            "a=!=1|a|EQ|!=1",
            "a>=>1|a|GE|>1",
            "tag=k::v=1|tag|EQ|k::v=1",
            "__systemTag__=ha::NeverStop|__systemTag__|EQ|ha::NeverStop",
            "__userTag__~=web%|__userTag__|LIKE|web%",
            "name?=a=b,c|name|IN|a=b,c",
            "name~=a!=b|name|LIKE|a!=b",
            "name=x is null|name|EQ|x is null",
            "description=a not null|description|EQ|a not null",
            "nics.ip=10.0.0.1|nics.ip|EQ|10.0.0.1",
            "a.b_c.d1!=x|a.b_c.d1|NOT_EQ|x",
            "name =vm1|name|EQ|vm1"
    })
    void takesTheLongestOperatorAtTheFirstOperatorPosition(String text, String field, QueryOperator op, String value) {
        assertCondition(text, field, op, value);
    }

    @Test
    void keepsEmptyAndSpacedValues() {
        assertCondition("description=", "description", QueryOperator.EQ, "");
        assertCondition("name= vm 1 ", "name", QueryOperator.EQ, " vm 1 ");
        assertCondition("uuid?=a,,b", "uuid", QueryOperator.IN, "a,,b");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "name", "name vm1", "=vm1", "name!vm1", "name?vm1", "name~vm1",
            "1name=x", "na-me=x", "name.=x", ".name=x", "a..b=x", "a!b=c", "na me=x", "uuid?=", "uuid!?=",
            "name is", "is null", "name is nul", "name!?", "nics.1ip=x"})
    void rejectsMalformedConditions(String text) {
        ApiException e = assertThrows(ApiException.class, () -> parser.parse(text));
        assertEquals(ErrorCode.INVALID_QUERY.code(), e.error().code());
        assertTrue(e.error().details().contains("accepted forms: field=value"), e.error().details());
        assertTrue(e.error().details().contains("field is null"), e.error().details());
        assertTrue(e.error().details().contains("'" + text + "'"), e.error().details());
    }

    @Test
    void rejectsNullCondition() {
        ApiException e = assertThrows(ApiException.class, () -> parser.parse(null));
        assertEquals(ErrorCode.INVALID_QUERY.code(), e.error().code());
    }

    @Test
    void explainsWhatIsWrong() {
        assertTrue(parser.parse("name=x").value() != null);
        assertTrue(assertThrows(ApiException.class, () -> parser.parse("name"))
                .error().details().contains("no operator found"));
        assertTrue(assertThrows(ApiException.class, () -> parser.parse("=x"))
                .error().details().contains("field name before '=' is missing"));
        assertTrue(assertThrows(ApiException.class, () -> parser.parse("na-me=x"))
                .error().details().contains("'na-me' is not a field name"));
        assertTrue(assertThrows(ApiException.class, () -> parser.parse("uuid?="))
                .error().details().contains("'?=' needs at least one value"));
        assertNull(parser.parse("a is null").value());
    }
}
