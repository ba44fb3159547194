package io.kumo.query;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.Arrays;
import java.util.Date;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Converts the text of a condition value to the Java type of the attribute it is compared with.
 * Pure and thread-safe.
 */
final class QueryValueConverter {
    /** The forms of a timestamp value, quoted in errors. */
    static final String TIMESTAMP_FORMS = "a timestamp (epoch milliseconds such as 1706695200000, an ISO-8601 "
            + "instant such as 2024-01-31T10:00:00Z, or yyyy-MM-dd HH:mm:ss in the server's time zone)";

    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .toFormatter().withResolverStyle(ResolverStyle.STRICT);

    private QueryValueConverter() { }

    /**
     * @param field the field, for errors
     * @param type  the Java type of the attribute
     * @param text  the value as sent
     * @return the value converted to {@code type} (boxed for primitives)
     * @throws io.kumo.api.error.ApiException INVALID_QUERY naming the field, the value and the expected type
     */
    static Object convert(String field, Class<?> type, String text) {
        try {
            Object value = convertOrNull(type, text);
            if (value != null) {
                return value;
            }
        } catch (NumberFormatException | DateTimeException e) {
            // reported below with the expected form
        }
        throw QueryErrors.invalid("field '" + field + "' expects " + describe(type) + ", got '" + text + "'");
    }

    /** @param type a Java type @return true if values of it can be compared with > and < */
    static boolean ordered(Class<?> type) {
        Class<?> boxed = boxed(type);
        return boxed != Boolean.class && !boxed.isEnum() && Comparable.class.isAssignableFrom(boxed);
    }

    /** @param type a Java type @return true if conditions can compare values of it */
    static boolean supported(Class<?> type) {
        Class<?> boxed = boxed(type);
        return boxed == String.class || boxed == Integer.class || boxed == Long.class || boxed == Short.class
                || boxed == Boolean.class || boxed == Double.class || boxed == Float.class
                || boxed == BigDecimal.class || boxed == Timestamp.class || boxed == Date.class
                || boxed == LocalDateTime.class || boxed == LocalDate.class || boxed.isEnum();
    }

    /** @param type a Java type @return how its values are written, for errors */
    static String describe(Class<?> type) {
        Class<?> boxed = boxed(type);
        if (boxed == String.class) {
            return "text";
        } else if (boxed == Integer.class || boxed == Short.class) {
            return "an integer";
        } else if (boxed == Long.class) {
            return "a long integer";
        } else if (boxed == Boolean.class) {
            return "a boolean (true or false)";
        } else if (boxed == Double.class || boxed == Float.class || boxed == BigDecimal.class) {
            return "a number";
        } else if (boxed == Timestamp.class || boxed == Date.class || boxed == LocalDateTime.class) {
            return TIMESTAMP_FORMS;
        } else if (boxed == LocalDate.class) {
            return "a date (yyyy-MM-dd)";
        } else if (boxed.isEnum()) {
            return "one of " + Arrays.stream(boxed.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                    .collect(Collectors.joining(", "));
        }
        return "a value of type " + boxed.getSimpleName();
    }

    private static Object convertOrNull(Class<?> type, String text) {
        Class<?> boxed = boxed(type);
        if (boxed == String.class) {
            return text;
        } else if (boxed == Integer.class) {
            return INTEGER.matcher(text).matches() ? Integer.valueOf(text) : null;
        } else if (boxed == Long.class) {
            return INTEGER.matcher(text).matches() ? Long.valueOf(text) : null;
        } else if (boxed == Short.class) {
            return INTEGER.matcher(text).matches() ? Short.valueOf(text) : null;
        } else if (boxed == Boolean.class) {
            return "true".equals(text) ? Boolean.TRUE : "false".equals(text) ? Boolean.FALSE : null;
        } else if (boxed == Double.class) {
            return DECIMAL.matcher(text).matches() ? Double.valueOf(text) : null;
        } else if (boxed == Float.class) {
            return DECIMAL.matcher(text).matches() ? Float.valueOf(text) : null;
        } else if (boxed == BigDecimal.class) {
            return DECIMAL.matcher(text).matches() ? new BigDecimal(text) : null;
        } else if (boxed == Timestamp.class || boxed == Date.class) {
            return timestamp(text);
        } else if (boxed == LocalDateTime.class) {
            return timestamp(text).toLocalDateTime();
        } else if (boxed == LocalDate.class) {
            return LocalDate.parse(text);
        } else if (boxed.isEnum()) {
            return enumConstant(boxed, text);
        }
        return null;
    }

    private static Timestamp timestamp(String text) {
        if (INTEGER.matcher(text).matches()) {
            return new Timestamp(Long.parseLong(text));
        }
        if (text.indexOf('T') > 0) {
            try {
                return Timestamp.from(Instant.parse(text));
            } catch (DateTimeException e) {
                return Timestamp.from(OffsetDateTime.parse(text).toInstant());
            }
        }
        return Timestamp.valueOf(LocalDateTime.parse(text, LOCAL));
    }

    private static Object enumConstant(Class<?> type, String text) {
        for (Object constant : type.getEnumConstants()) {
            if (((Enum<?>) constant).name().equals(text)) {
                return constant;
            }
        }
        return null;
    }

    private static Class<?> boxed(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        if (type == int.class) {
            return Integer.class;
        } else if (type == long.class) {
            return Long.class;
        } else if (type == short.class) {
            return Short.class;
        } else if (type == boolean.class) {
            return Boolean.class;
        } else if (type == double.class) {
            return Double.class;
        } else if (type == float.class) {
            return Float.class;
        }
        return type;
    }
}
