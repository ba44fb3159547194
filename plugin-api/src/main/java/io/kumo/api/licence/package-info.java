/**
 * Licences: the platform (Basic) licence with its edition and capacity, and the module (Plus) licences that
 * licensed plugins need. Plugins declare their module with
 * {@link io.kumo.api.operation.OperationDescriptor.Builder#licensedModule(String)}; the kernel checks it on every call.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package io.kumo.api.licence;
