package io.kumo.template;

import io.kumo.api.error.ApiException;
import io.kumo.api.event.EventType;
import io.kumo.api.event.ResourceEvent;
import io.kumo.api.job.Flow;
import io.kumo.api.job.Step;
import io.kumo.api.job.StepContext;
import io.kumo.api.operation.Caller;
import io.kumo.api.operation.HttpMethod;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.query.QueryRequest;
import io.kumo.api.query.QueryResult;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plugin's operations without a node: the descriptor (what REST, the shell and the validator derive from it),
 * check() and the job's steps with their rollback, on an in-memory store. The node's job engine runs the same steps;
 * {@link #runJob} does what it does with them (in order, and on a failure the completed ones in reverse).
 */
class CreateGreetingOperationTest {
    private final MemoryStore store = new MemoryStore();
    private final List<ResourceEvent> events = new ArrayList<>();
    private final CreateGreetingOperation create = new CreateGreetingOperation(store, events::add, "Hello");

    @Test
    void theDescriptorGivesTheRouteTheCommandAndTheValidation() {
        var d = create.descriptor();
        assertEquals("CreateGreeting", d.name());
        assertEquals(OperationKind.CREATE, d.kind());
        assertTrue(d.async(), "a create runs as a job");
        assertEquals(HttpMethod.POST, d.rest().orElseThrow().method());
        assertEquals("/greetings", d.rest().orElseThrow().path());
        assertEquals("create-greeting", d.shellCommand());
        ParameterDescriptor name = d.parameter("name").orElseThrow();
        assertTrue(name.required());
        assertTrue("alice".matches(name.pattern()) && "web-01.eu_2".matches(name.pattern()));
        assertFalse("bob smith".matches(name.pattern()) || "-x".matches(name.pattern()) || "a/b".matches(name.pattern()),
                "the kernel refuses names outside the pattern with 400 SYS.1007");
        assertEquals(64L, name.max());

        var query = new QueryGreetingOperation(store, new io.kumo.api.query.QueryService() {
            @Override public QueryRequest parse(OperationRequest request) { throw new AssertionError("not called"); }
            @Override public <E> QueryResult<Object> query(javax.persistence.EntityManager em, Class<E> entity, QueryRequest request,
                                                           java.util.function.Function<E, ?> toInventory) { throw new AssertionError("not called"); }
        }).descriptor();
        assertEquals(OperationKind.QUERY, query.kind());
        assertEquals("/greetings", query.rest().orElseThrow().path());
        assertEquals("query-greeting", query.shellCommand());
        assertTrue(query.parameter("q").isPresent(), "query operations get the standard query parameters");
    }

    @Test
    void aJobPersistsTheGreetingReturnsItAndAnnouncesIt() throws Exception {
        OperationRequest request = request(Map.of("name", "alice"));
        create.check(request);
        Context ctx = runJob(create.flow(request), request);

        GreetingEntity row = store.rows.get(request.requestId());
        assertEquals("alice", row.getName());
        assertEquals("Hello, alice!", row.getMessage(), "the default message uses the configured salutation");
        GreetingInventory inventory = (GreetingInventory) ctx.result.body().get("inventory");
        assertEquals(request.requestId(), inventory.uuid(), "without resourceUuid the job id is the new uuid");
        assertEquals("alice", inventory.name());
        assertEquals(1, events.size());
        assertEquals(EventType.CREATED, events.get(0).type());
        assertEquals(GreetingInventory.RESOURCE_TYPE, events.get(0).resourceType());
        assertEquals(request.requestId(), create.serializationKey(request), "jobs are serialized on the new uuid");
    }

    @Test
    void anExplicitMessageAndUuidAreKept() throws Exception {
        String uuid = UUID.randomUUID().toString().replace("-", "");
        OperationRequest request = request(Map.of("name", "bob", "message", "Good morning, Bob", "resourceUuid", uuid));
        assertEquals(uuid, create.serializationKey(request));
        runJob(create.flow(request), request);
        assertEquals("Good morning, Bob", store.rows.get(uuid).getMessage());
        assertEquals("Bonjour, carol!", messageOf(new CreateGreetingOperation(store, events::add, " Bonjour "), "carol"),
                "the salutation comes from the configuration");
    }

    @Test
    void checkRefusesATakenNameOrUuidBeforeAnyJob() throws Exception {
        OperationRequest first = request(Map.of("name", "alice"));
        runJob(create.flow(first), first);

        ApiException sameName = assertThrows(ApiException.class, () -> create.check(request(Map.of("name", "alice"))));
        assertEquals("SYS.1009", sameName.error().code());
        assertEquals(409, sameName.error().httpStatus());
        assertTrue(sameName.error().details().contains("alice"), sameName.error().details());

        ApiException sameUuid = assertThrows(ApiException.class,
                () -> create.check(request(Map.of("name", "zoe", "resourceUuid", first.requestId()))));
        assertEquals("SYS.1009", sameUuid.error().code());
        assertTrue(sameUuid.error().details().contains(first.requestId()), sameUuid.error().details());
        assertEquals(1, store.rows.size(), "check writes nothing");
    }

    @Test
    void aFailedStepUndoesTheGreeting() throws Exception {
        OperationRequest request = request(Map.of("name", "dave"));
        CreateGreetingOperation failing = new CreateGreetingOperation(store, e -> {
            throw new IllegalStateException("bus down");
        }, "Hello");
        Exception failure = assertThrows(Exception.class, () -> runJob(failing.flow(request), request));
        assertEquals("bus down", failure.getMessage());
        assertTrue(store.rows.isEmpty(), "persist-greeting was rolled back: " + store.rows);

        // After a crash the engine rolls back the step that was running and those before it: twice is harmless.
        Context ctx = new Context(request);
        for (Step s : create.flow(request).steps()) {
            s.rollback(ctx);
        }
        assertTrue(store.rows.isEmpty());
    }

    @Test
    void aBlankSalutationIsRefusedAtStart() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CreateGreetingOperation(store, events::add, " "));
        assertTrue(e.getMessage().contains("salutation"), e.getMessage());
    }

    private String messageOf(CreateGreetingOperation op, String name) throws Exception {
        OperationRequest request = request(Map.of("name", name));
        runJob(op.flow(request), request);
        return store.rows.get(request.requestId()).getMessage();
    }

    private static OperationRequest request(Map<String, Object> params) {
        return new OperationRequest("CreateGreeting", params, List.of(), List.of(), Caller.system("test"),
                UUID.randomUUID().toString().replace("-", ""));
    }

    /** Runs a flow as the job engine does: steps in order; on a failure, the completed steps and the failed one in reverse. */
    private static Context runJob(Flow flow, OperationRequest request) throws Exception {
        Context ctx = new Context(request);
        List<Step> started = new ArrayList<>();
        for (Step step : flow.steps()) {
            started.add(step);
            try {
                step.run(ctx);
            } catch (Exception e) {
                for (int i = started.size() - 1; i >= 0; i--) {
                    started.get(i).rollback(ctx);
                }
                throw e;
            }
        }
        return ctx;
    }

    /** A job's context in memory. */
    private static final class Context implements StepContext {
        private final OperationRequest request;
        private final Map<String, Object> values = new HashMap<>();
        private OperationResult result;

        Context(OperationRequest request) { this.request = request; }

        @Override public String jobId() { return request.requestId(); }
        @Override public OperationRequest request() { return request; }
        @Override public void put(String key, Object value) { values.put(key, value); }
        @Override public Object get(String key) { return values.get(key); }
        @Override public void progress(int percent, String message) { }
        @Override public void result(OperationResult r) { this.result = r; }
    }

    /** The store in memory, with the unique name the table has. */
    private static final class MemoryStore implements GreetingStore {
        private final Map<String, GreetingEntity> rows = new LinkedHashMap<>();

        @Override
        public void create(GreetingEntity entity) {
            if (rows.containsKey(entity.getUuid()) || findByName(entity.getName()).isPresent()) {
                throw new IllegalStateException("duplicate key");
            }
            rows.put(entity.getUuid(), entity);
        }

        @Override public Optional<GreetingEntity> find(String uuid) { return Optional.ofNullable(rows.get(uuid)); }

        @Override
        public Optional<GreetingEntity> findByName(String name) {
            return rows.values().stream().filter(g -> g.getName().equals(name)).findFirst();
        }

        @Override public boolean delete(String uuid) { return rows.remove(uuid) != null; }

        @Override public QueryResult<Object> query(QueryRequest request) { throw new AssertionError("queries need a node"); }
    }

    @Test
    void theInMemoryStoreBehavesLikeTheTable() {
        GreetingEntity g = new GreetingEntity("a".repeat(32), "eve", "Hi", new java.sql.Timestamp(0));
        store.create(g);
        assertSame(g, store.find(g.getUuid()).orElseThrow());
        assertThrows(IllegalStateException.class, () -> store.create(new GreetingEntity("b".repeat(32), "eve", "Hi", new java.sql.Timestamp(0))));
        assertTrue(store.delete(g.getUuid()));
        assertFalse(store.delete(g.getUuid()));
    }
}
