package io.kumo.query;

/** States of {@link TestVm}. */
public enum TestVmState { Running, Stopped, Paused }
