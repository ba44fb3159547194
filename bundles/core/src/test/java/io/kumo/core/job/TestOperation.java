package io.kumo.core.job;

import io.kumo.api.error.ApiException;
import io.kumo.api.inventory.Uuids;
import io.kumo.api.job.Flow;
import io.kumo.api.operation.AsyncOperation;
import io.kumo.api.operation.Caller;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.ParameterDescriptor;

import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/** An asynchronous operation whose flow the test supplies; serialized on its {@code key} parameter. */
final class TestOperation implements AsyncOperation {
    private final OperationDescriptor descriptor;
    private final Function<OperationRequest, Flow> flow;
    private final Consumer<OperationRequest> check;

    TestOperation(String name, Function<OperationRequest, Flow> flow) {
        this(name, flow, r -> { });
    }

    TestOperation(String name, Function<OperationRequest, Flow> flow, Consumer<OperationRequest> check) {
        this.descriptor = OperationDescriptor.builder(name).kind(OperationKind.CREATE).resourceType("thing")
                .param(ParameterDescriptor.string("key").mandatory())
                .param(ParameterDescriptor.integer("index"))
                .param(ParameterDescriptor.string("password").asSecret())
                .build();
        this.flow = flow;
        this.check = check;
    }

    /** @return a request of this operation on that key */
    OperationRequest request(String key, int index) {
        return new OperationRequest(descriptor.name(), Map.of("key", key, "index", index), null, null,
                Caller.system("internal"), Uuids.random());
    }

    /** @return a request of this operation on that key carrying a secret */
    OperationRequest requestWithSecret(String key, String password) {
        return new OperationRequest(descriptor.name(), Map.of("key", key, "password", password), null, null,
                Caller.system("internal"), Uuids.random());
    }

    @Override public OperationDescriptor descriptor() { return descriptor; }
    @Override public String serializationKey(OperationRequest request) { return request.requireString("key"); }
    @Override public void check(OperationRequest request) throws ApiException { check.accept(request); }
    @Override public Flow flow(OperationRequest request) { return flow.apply(request); }
}
