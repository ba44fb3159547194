package io.kumo.api.event;

/**
 * Receives resource events from every management node. Register as an OSGi service; the optional service property
 * {@value #RESOURCE_TYPES} (a string or string array) limits delivery to those resource types.
 */
@FunctionalInterface
public interface ResourceEventListener {
    /** Service property naming the resource types a listener wants. */
    String RESOURCE_TYPES = "kumo.event.resourceTypes";

    /**
     * Called on an event thread; must not block for long.
     *
     * @param event the event
     */
    void onEvent(ResourceEvent event);
}
