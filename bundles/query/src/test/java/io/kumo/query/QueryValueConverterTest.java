package io.kumo.query;

import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QueryValueConverterTest {

    private static String rejected(Class<?> type, String text) {
        ApiException e = assertThrows(ApiException.class, () -> QueryValueConverter.convert("f", type, text));
        assertEquals(ErrorCode.INVALID_QUERY.code(), e.error().code());
        return e.error().details();
    }

    @Test
    void convertsNumbersAndBooleans() {
        assertEquals(42, QueryValueConverter.convert("f", int.class, "42"));
        assertEquals(-7, QueryValueConverter.convert("f", Integer.class, "-7"));
        assertEquals(8_589_934_592L, QueryValueConverter.convert("f", long.class, "8589934592"));
        assertEquals((short) 3, QueryValueConverter.convert("f", short.class, "3"));
        assertEquals(1.5, QueryValueConverter.convert("f", double.class, "1.5"));
        assertEquals(2e3, QueryValueConverter.convert("f", Double.class, "2e3"));
        assertEquals(0.25f, QueryValueConverter.convert("f", float.class, ".25"));
        assertEquals(new BigDecimal("10.10"), QueryValueConverter.convert("f", BigDecimal.class, "10.10"));
        assertEquals(true, QueryValueConverter.convert("f", boolean.class, "true"));
        assertEquals(false, QueryValueConverter.convert("f", Boolean.class, "false"));
        assertEquals("", QueryValueConverter.convert("f", String.class, ""));
    }

    @Test
    void rejectsMalformedNumbersAndBooleans() {
        assertEquals("field 'f' expects an integer, got '1.0'", rejected(int.class, "1.0"));
        assertEquals("field 'f' expects an integer, got '2147483648'", rejected(int.class, "2147483648"));
        assertEquals("field 'f' expects an integer, got ''", rejected(Integer.class, ""));
        assertEquals("field 'f' expects a long integer, got '0x10'", rejected(long.class, "0x10"));
        assertEquals("field 'f' expects a number, got 'Infinity'", rejected(double.class, "Infinity"));
        assertEquals("field 'f' expects a number, got '1d'", rejected(Double.class, "1d"));
        assertEquals("field 'f' expects a boolean (true or false), got '1'", rejected(boolean.class, "1"));
        assertEquals("field 'f' expects a boolean (true or false), got 'True'", rejected(Boolean.class, "True"));
    }

    @Test
    void convertsTimestampsInThreeForms() {
        Timestamp expected = Timestamp.from(Instant.parse("2024-01-31T10:00:00Z"));
        assertEquals(expected, QueryValueConverter.convert("f", Timestamp.class, "1706695200000"));
        assertEquals(expected, QueryValueConverter.convert("f", Timestamp.class, "2024-01-31T10:00:00Z"));
        assertEquals(expected, QueryValueConverter.convert("f", Timestamp.class, "2024-01-31T18:00:00+08:00"));
        assertEquals(Timestamp.valueOf(LocalDateTime.of(2024, 1, 31, 10, 0, 0)),
                QueryValueConverter.convert("f", Timestamp.class, "2024-01-31 10:00:00"));
        assertEquals(Timestamp.valueOf(LocalDateTime.of(2024, 1, 31, 10, 0, 0, 500_000_000)),
                QueryValueConverter.convert("f", Timestamp.class, "2024-01-31 10:00:00.5"));
        assertEquals(LocalDateTime.of(2024, 1, 31, 10, 0, 0),
                QueryValueConverter.convert("f", LocalDateTime.class, "2024-01-31 10:00:00"));
        assertEquals(LocalDate.of(2024, 2, 29), QueryValueConverter.convert("f", LocalDate.class, "2024-02-29"));
    }

    @Test
    void rejectsMalformedTimestamps() {
        for (String bad : new String[]{"yesterday", "2024-01-31", "2024-13-01 00:00:00", "2023-02-29 00:00:00",
                "2024-01-31 25:00:00", "2024-01-31T10:00:00", "2024-01-31 10:00", ""}) {
            String detail = rejected(Timestamp.class, bad);
            assertTrue(detail.startsWith("field 'f' expects a timestamp (epoch milliseconds"), detail);
            assertTrue(detail.endsWith("got '" + bad + "'"), detail);
        }
    }

    enum Color { Red, Green }

    @Test
    void convertsEnumsByExactName() {
        assertEquals(Color.Green, QueryValueConverter.convert("f", Color.class, "Green"));
        assertEquals("field 'f' expects one of Red, Green, got 'green'", rejected(Color.class, "green"));
    }

    @Test
    void knowsWhichTypesAreOrdered() {
        assertTrue(QueryValueConverter.ordered(int.class));
        assertTrue(QueryValueConverter.ordered(String.class));
        assertTrue(QueryValueConverter.ordered(Timestamp.class));
        assertFalse(QueryValueConverter.ordered(boolean.class));
        assertFalse(QueryValueConverter.ordered(Color.class));
        assertTrue(QueryValueConverter.supported(Color.class));
        assertFalse(QueryValueConverter.supported(byte[].class));
    }
}
