package io.kumo.simulator.fault;

/**
 * An active injection as {@code QuerySimulatorConfiguration} shows it.
 *
 * @param target    a host, VM or storage uuid, or {@code all}
 * @param call      the call's wire name, or {@code all}
 * @param latencyMs the delay added to each matching call
 * @param failures  how many of the next matching calls still fail; -1 for every call
 * @param message   the operator's text added to failures, or null
 */
public record InjectionInventory(String target, String call, long latencyMs, int failures, String message) { }
