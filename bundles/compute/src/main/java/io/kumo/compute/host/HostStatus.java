package io.kumo.compute.host;

/** The connection status of a host, as the management node sees it. */
final class HostStatus {
    static final String CONNECTING = "Connecting";
    static final String CONNECTED = "Connected";
    static final String DISCONNECTED = "Disconnected";

    private HostStatus() { }
}
