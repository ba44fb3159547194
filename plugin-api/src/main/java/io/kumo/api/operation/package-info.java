/**
 * The operation model: an operation is declared once (name, typed parameters, result, permission, REST binding) and served by REST, the Karaf shell and the message bus.
 */
@org.osgi.annotation.versioning.Version("1.2.0")
package io.kumo.api.operation;
