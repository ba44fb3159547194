package io.kumo.api.inventory;

import java.text.DateFormat;
import java.text.SimpleDateFormat;
import java.util.Locale;
import java.util.TimeZone;

/** Conventions of the wire format that every module serializing inventories must share. */
public final class WireFormat {
    /** ZStack's date format, e.g. {@code Nov 21, 2026 11:16:49 AM}, in the management node's time zone. */
    public static final String DATE_PATTERN = "MMM d, yyyy h:mm:ss a";

    private WireFormat() { }

    /** @return a new (not thread-safe) formatter of {@link #DATE_PATTERN}; JSON mappers copy it per use */
    public static DateFormat dateFormat() {
        SimpleDateFormat f = new SimpleDateFormat(DATE_PATTERN, Locale.ENGLISH);
        f.setTimeZone(TimeZone.getDefault());
        return f;
    }
}
