package io.kumo.api.operation;

/** An operation answered at once: queries, reads and the few calls ZStack answers synchronously (login). */
public interface SyncOperation extends Operation {
    /**
     * Executes the operation.
     *
     * @param request the validated request
     * @return the result
     * @throws io.kumo.api.error.ApiException to report an error with a code
     */
    OperationResult execute(OperationRequest request);
}
