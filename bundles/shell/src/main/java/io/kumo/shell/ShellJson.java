package io.kumo.shell;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

import java.time.temporal.Temporal;
import java.time.temporal.TemporalAmount;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON mapper of the shell: dates as ISO text, java.time values by their {@code toString()}. */
final class ShellJson {
    private static final TypeReference<LinkedHashMap<String, Object>> MAP_TYPE = new TypeReference<>() { };

    private ShellJson() { }

    /** @return a new mapper configured for the shell */
    static ObjectMapper newMapper() {
        SimpleModule time = new SimpleModule("kumo-shell-time");
        time.addSerializer(Temporal.class, ToStringSerializer.instance);
        time.addSerializer(TemporalAmount.class, ToStringSerializer.instance);
        ObjectMapper mapper = new ObjectMapper();
        mapper.registerModule(time);
        mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        mapper.setDateFormat(io.kumo.api.inventory.WireFormat.dateFormat());
        mapper.disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
        return mapper;
    }

    /**
     * Turns records, beans and maps into nested maps, lists and scalars.
     *
     * @param mapper the mapper
     * @param value  a record, bean or map
     * @return the value as an ordered map
     */
    static Map<String, Object> toMap(ObjectMapper mapper, Object value) {
        return mapper.convertValue(value, MAP_TYPE);
    }

    /**
     * @param mapper the mapper
     * @param value  any value
     * @return the value as maps, lists and scalars
     */
    static Object toPlain(ObjectMapper mapper, Object value) {
        return value == null ? null : mapper.convertValue(value, Object.class);
    }
}
