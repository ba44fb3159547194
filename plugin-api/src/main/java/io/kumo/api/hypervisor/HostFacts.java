package io.kumo.api.hypervisor;

/**
 * What a host reports when it connects: its physical capacity and identity.
 *
 * @param cpuNum       CPU threads
 * @param cpuSockets   CPU sockets
 * @param cpuModel     the CPU model name
 * @param architecture the CPU architecture, e.g. {@code x86_64}
 * @param memory       physical memory in bytes
 */
public record HostFacts(int cpuNum, int cpuSockets, String cpuModel, String architecture, long memory) { }
