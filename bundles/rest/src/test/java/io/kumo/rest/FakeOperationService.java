package io.kumo.rest;

import io.kumo.api.operation.Caller;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.OperationService;
import io.kumo.api.operation.Submission;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** Validates nothing: records every call and answers with a configurable function. */
final class FakeOperationService implements OperationService {
    /** One recorded call. */
    record Call(String operation, Map<String, Object> params, List<String> systemTags, List<String> userTags,
                Caller caller) { }

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private volatile Function<Call, Submission> answer = call -> new Submission(OperationResult.empty(), null);

    /** @param answer what to return (or throw) for a call */
    void answer(Function<Call, Submission> answer) { this.answer = answer; }

    List<Call> calls() { return calls; }

    Call lastCall() {
        if (calls.isEmpty()) {
            throw new AssertionError("the operation service was not called");
        }
        return calls.get(calls.size() - 1);
    }

    @Override
    public Submission submit(String operation, Map<String, Object> rawParams, List<String> systemTags,
                             List<String> userTags, Caller caller) {
        Call call = new Call(operation, rawParams, systemTags, userTags, caller);
        calls.add(call);
        return answer.apply(call);
    }
}
