package io.kumo.sample;

import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.operation.SyncOperation;

import java.util.Map;

/**
 * {@code GET /sample/greetings?name=...}: the smallest operation a plugin can add. The greeting word comes from the
 * Blueprint file, so that a second build of the same sources ({@code sample-plugin-v2}) answers differently.
 */
public class SayHelloOperation implements SyncOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("SayHello")
            .description("Greet someone (sample plugin)")
            .kind(OperationKind.READ).resourceType("sample")
            .param(ParameterDescriptor.string("name").mandatory().range(1, 64).describedAs("who to greet"))
            .rest(RestBinding.get("/sample/greetings"))
            .build();

    private final String word;

    /** Greets with "hello". */
    public SayHelloOperation() { this("hello"); }

    /** @param word the greeting word, e.g. {@code hello} */
    public SayHelloOperation(String word) { this.word = word; }

    @Override public OperationDescriptor descriptor() { return DESCRIPTOR; }

    @Override
    public OperationResult execute(OperationRequest request) {
        return OperationResult.of(Map.of("greeting", word + ", " + request.string("name")));
    }
}
