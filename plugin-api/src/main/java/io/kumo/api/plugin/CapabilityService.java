package io.kumo.api.plugin;

/** What the installation can do right now: the types its modules serve and the licensed modules it can run. */
public interface CapabilityService {
    /** @return the capabilities now, read afresh from every {@link CapabilityProvider} and the licences */
    Capabilities capabilities();
}
