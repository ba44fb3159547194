package io.kumo.api.operation;

import java.util.List;

/**
 * How a backend's resources are added: a backend (hypervisor, primary or backup storage) declares the operation that
 * adds a host or storage of its type, and the kernel registers that operation (with the kernel's common parameters
 * plus these) while the backend is registered. For example the simulator declares {@code AddSimulatorHost} at
 * {@code POST /hosts/simulators} with {@code cpuCapacity} and {@code memoryCapacity}. The values of the extra
 * parameters reach the backend as strings in the resource's properties.
 *
 * @param operationName the operation name, e.g. {@code AddSimulatorHost}
 * @param restPath      the collection path it is POSTed to, e.g. {@code /hosts/simulators}
 * @param description   what it adds, for help and OpenAPI
 * @param parameters    the parameters beyond the kernel's common ones
 */
public record AddOperationSpec(String operationName, String restPath, String description,
                               List<ParameterDescriptor> parameters) {
    /** Canonical constructor: copies the parameters. */
    public AddOperationSpec {
        parameters = parameters == null ? List.of() : List.copyOf(parameters);
    }
}
