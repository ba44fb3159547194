package io.kumo.template;

import java.sql.Timestamp;

/**
 * A greeting as the API shows it: the {@code inventory} of {@code POST /greetings} and the rows of
 * {@code GET /greetings}. Its field names are also the query fields ({@code q=name=alice}).
 *
 * @param uuid       the greeting's uuid (32 hex digits)
 * @param name       who is greeted; unique
 * @param message    the greeting text
 * @param createDate when it was created
 * @param lastOpDate when it last changed
 */
public record GreetingInventory(String uuid, String name, String message, Timestamp createDate, Timestamp lastOpDate) {
    /** The resource type name, used in events, tags and permissions. */
    public static final String RESOURCE_TYPE = "greeting";
}
