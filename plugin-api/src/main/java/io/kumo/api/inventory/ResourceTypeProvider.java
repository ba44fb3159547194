package io.kumo.api.inventory;

/**
 * Tells the kernel about a resource type so that tags, ownership and events can name it. Register as an OSGi service
 * while the type is served.
 */
public interface ResourceTypeProvider {
    /** @return the short type name used in events and permissions, e.g. {@code zone} */
    String resourceType();

    /** @return the ZStack VO name used in tags, e.g. {@code ZoneVO} */
    String voName();

    /** @param uuid a uuid @return true if a resource of this type has that uuid */
    boolean exists(String uuid);
}
