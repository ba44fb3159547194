package io.kumo.api.operation;

/**
 * Base of an {@link AsyncOperation} on one existing resource: it is serialized on the resource's uuid (read from the
 * parameter {@code uuidParam}, {@code uuid} by default), and {@link #check} refuses it with a 404 before any job
 * exists when the resource is not there. Subclasses give the descriptor, say how to require the resource, and write
 * the flow; they may override {@link #check} to refuse more (calling {@code super.check} or requiring the resource
 * themselves).
 */
public abstract class ExistingResourceOperation implements AsyncOperation {
    private final OperationDescriptor descriptor;
    private final String uuidParam;

    /** @param descriptor what the operation is; the resource's uuid is its parameter {@code uuid} */
    protected ExistingResourceOperation(OperationDescriptor descriptor) { this(descriptor, "uuid"); }

    /**
     * @param descriptor what the operation is
     * @param uuidParam  the parameter that holds the resource's uuid
     */
    protected ExistingResourceOperation(OperationDescriptor descriptor, String uuidParam) {
        this.descriptor = descriptor;
        this.uuidParam = uuidParam;
    }

    /**
     * Requires the resource acted on.
     *
     * @param uuid its uuid
     * @throws io.kumo.api.error.ApiException RESOURCE_NOT_FOUND (404) if it is not there
     */
    protected abstract void requireExisting(String uuid);

    /** @param request a request of this operation @return the uuid of the resource it acts on */
    protected final String uuidOf(OperationRequest request) { return request.string(uuidParam); }

    @Override public final OperationDescriptor descriptor() { return descriptor; }

    @Override public final String serializationKey(OperationRequest request) { return uuidOf(request); }

    @Override public void check(OperationRequest request) { requireExisting(uuidOf(request)); }
}
