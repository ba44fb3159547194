package io.kumo.rest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of this module, written into {@code kumo-rest.properties} at build time. */
final class RestVersion {
    private static final String RESOURCE = "kumo-rest.properties";

    private RestVersion() { }

    /** @return the version, or {@code unknown} if the build did not record it */
    static String current() {
        try (InputStream in = RestVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
