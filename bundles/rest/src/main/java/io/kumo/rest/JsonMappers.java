package io.kumo.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.kumo.api.inventory.WireFormat;


/** The JSON mapper of the REST API, configured like ZStack's wire format. */
final class JsonMappers {
    private JsonMappers() { }

    /** @return a mapper writing ZStack dates, omitting nulls and parsing bodies strictly */
    static ObjectMapper zstack() {
        ObjectMapper mapper = new ObjectMapper();
        mapper.setDateFormat(WireFormat.dateFormat());
        mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        mapper.disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
        mapper.setDefaultPropertyInclusion(
                JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL));
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        return mapper;
    }
}
