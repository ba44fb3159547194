/**
 * The hypervisor SPI: a backend per hypervisor type (Simulator, KVM, VMware...) that connects hosts and runs VMs.
 */
@org.osgi.annotation.versioning.Version("1.1.0")
package io.kumo.api.hypervisor;
