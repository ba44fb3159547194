package io.kumo.api.hypervisor;

/**
 * Where the graphical console of a VM listens.
 *
 * @param protocol {@code vnc} or {@code spice}
 * @param hostname the address the management node connects to
 * @param port     the TCP port
 */
public record ConsoleEndpoint(String protocol, String hostname, int port) { }
