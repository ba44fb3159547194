package io.kumo.template;

import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.event.EventPublisher;
import io.kumo.api.event.EventType;
import io.kumo.api.event.ResourceEvent;
import io.kumo.api.job.Flow;
import io.kumo.api.operation.AsyncOperation;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;

import java.sql.Timestamp;
import java.util.Objects;

/**
 * {@code POST /zstack/v1/greetings} (shell: {@code kumo:create-greeting --name alice}): creates a greeting as a job.
 * The kernel validates the parameters against the descriptor (400 {@code SYS.1007} before anything else), calls
 * {@link #check} on the node owning the new uuid (a refusal is a 4xx, nothing written), then runs the steps of
 * {@link #flow}; a failing step undoes the steps before it.
 */
public class CreateGreetingOperation implements AsyncOperation {
    /** What a name may contain. */
    static final String NAME_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]*";

    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("CreateGreeting")
            .description("Create a greeting (plugin kumo-plugin-template)")
            .kind(OperationKind.CREATE).resourceType(GreetingInventory.RESOURCE_TYPE).inventoryType(GreetingInventory.class)
            .param(ParameterDescriptor.string("name").mandatory().range(1, 64).matching(NAME_PATTERN)
                    .describedAs("who to greet: letters, digits, '.', '_' or '-', unique"))
            .param(ParameterDescriptor.string("message").range(1, 1024)
                    .describedAs("the greeting text; default \"<salutation>, <name>!\" (salutation from the plugin's configuration)"))
            .param(ParameterDescriptor.uuid("resourceUuid").describedAs("uuid to give the greeting instead of a generated one"))
            .rest(RestBinding.post("/greetings"))
            .build();

    private final GreetingStore store;
    private final EventPublisher events;
    private final String salutation;

    /**
     * @param store      where greetings are kept
     * @param events     the kernel's event publisher
     * @param salutation the first word of a default message, from {@code etc/io.kumo.template.cfg}
     */
    public CreateGreetingOperation(GreetingStore store, EventPublisher events, String salutation) {
        this.store = Objects.requireNonNull(store, "store");
        this.events = Objects.requireNonNull(events, "events");
        if (salutation == null || salutation.isBlank()) {
            throw new IllegalArgumentException("salutation must not be blank (etc/io.kumo.template.cfg)");
        }
        this.salutation = salutation.strip();
    }

    @Override
    public OperationDescriptor descriptor() { return DESCRIPTOR; }

    /** Jobs are serialized on the new greeting's uuid (which also picks the node that runs the job). */
    @Override
    public String serializationKey(OperationRequest request) { return uuidOf(request); }

    private static String uuidOf(OperationRequest request) {
        return request.has("resourceUuid") ? request.string("resourceUuid") : request.requestId();
    }

    @Override
    public void check(OperationRequest request) {
        String uuid = uuidOf(request);
        if (store.find(uuid).isPresent()) {
            throw new ApiException(ErrorCode.CONFLICT, "a greeting with uuid " + uuid + " already exists; omit resourceUuid to get a new one");
        }
        String name = request.string("name");
        if (store.findByName(name).isPresent()) {
            throw new ApiException(ErrorCode.CONFLICT, "a greeting for " + name + " already exists; names are unique");
        }
    }

    @Override
    public Flow flow(OperationRequest request) {
        String uuid = uuidOf(request);
        String message = request.has("message") ? request.string("message") : salutation + ", " + request.string("name") + "!";
        return Flow.named(DESCRIPTOR.name())
                // Two concurrent requests for one name pass check(); the unique key of GreetingVO.name fails the second
                // here, and its job ends Failed with nothing written.
                .step("persist-greeting",
                        ctx -> store.create(new GreetingEntity(uuid, request.string("name"), message, new Timestamp(System.currentTimeMillis()))),
                        ctx -> store.delete(uuid))
                .step("announce", ctx -> {
                    GreetingInventory inventory = store.find(uuid)
                            .orElseThrow(() -> new IllegalStateException("greeting " + uuid + " vanished before it was announced"))
                            .toInventory();
                    ctx.result(OperationResult.inventory(inventory));
                    events.publish(new ResourceEvent(EventType.CREATED, GreetingInventory.RESOURCE_TYPE, uuid, inventory,
                            null, null, null, null));
                })
                .build();
    }
}
