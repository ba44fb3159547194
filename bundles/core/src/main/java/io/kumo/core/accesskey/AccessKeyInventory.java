package io.kumo.core.accesskey;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.sql.Timestamp;

/**
 * ZStack's AccessKeyInventory. {@code AccessKeySecret} is set only in the answer of CreateAccessKey.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AccessKeyInventory(String uuid, String description, String accountUuid, String userUuid,
                                 @JsonProperty("AccessKeyID") String AccessKeyID,
                                 @JsonProperty("AccessKeySecret") String AccessKeySecret,
                                 String state, String type, Timestamp createDate, Timestamp lastOpDate) {
    /** The resource type of access keys. */
    public static final String RESOURCE_TYPE = "accessKey";

    @Override
    public String toString() { return "AccessKeyInventory[" + uuid + ", " + AccessKeyID + "]"; }
}
