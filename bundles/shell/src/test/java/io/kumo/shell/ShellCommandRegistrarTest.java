package io.kumo.shell;

import io.kumo.api.operation.Operation;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.shell.Fakes.FakeOperationRegistry;
import io.kumo.shell.Fakes.FakeOperationService;
import io.kumo.shell.Fakes.FakeSessionFactory;
import io.kumo.shell.Fakes.SteppingJobService;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShellCommandRegistrarTest {
    private final FakeSessionFactory shell = new FakeSessionFactory();
    private final FakeOperationRegistry operations = new FakeOperationRegistry();
    private final ShellCommandRegistrar registrar = new ShellCommandRegistrar(shell,
            new ShellServices(operations, new FakeOperationService(), new SteppingJobService(), ShellJson.newMapper(), () -> { }));

    private void start() {
        registrar.init();
        registrar.bindRegistry(operations, Map.of());
    }

    @Test
    void initRegistersStaticCommandsAndOperationsAlreadyServed() {
        operations.operations.add(Fakes.operation(Fixtures.CREATE_ZONE));
        registrar.init();
        assertEquals(List.of("kumo:job", "kumo:operations"), shell.registry.names());
        registrar.bindRegistry(operations, Map.of());
        assertEquals(List.of("kumo:job", "kumo:operations", "kumo:create-zone"), shell.registry.names());
        assertEquals(1, operations.listeners.size());
        assertEquals(3, registrar.commandCount());
    }

    @Test
    void aRegistryBoundBeforeInitIsFollowedAtInit() {
        operations.operations.add(Fakes.operation(Fixtures.CREATE_ZONE));
        registrar.bindRegistry(operations, Map.of());
        assertEquals(List.of(), shell.registry.names(), "nothing before init");
        assertEquals(0, operations.listeners.size());
        registrar.init();
        assertEquals(List.of("kumo:job", "kumo:operations", "kumo:create-zone"), shell.registry.names());
        assertEquals(1, operations.listeners.size());
    }

    @Test
    void unbindDropsOperationCommandsAndARestartedKernelIsFollowed() {
        operations.operations.add(Fakes.operation(Fixtures.CREATE_ZONE));
        operations.operations.add(Fakes.operation(Fixtures.QUERY_ZONE));
        start();
        registrar.unbindRegistry(operations, Map.of());
        assertEquals(List.of("kumo:job", "kumo:operations"), shell.registry.names());
        assertTrue(operations.listeners.isEmpty());

        FakeOperationRegistry restarted = new FakeOperationRegistry();
        restarted.operations.add(Fakes.operation(Fixtures.CREATE_ZONE));
        registrar.bindRegistry(restarted, Map.of());
        assertEquals(List.of("kumo:job", "kumo:operations", "kumo:create-zone"), shell.registry.names());
        restarted.add(Fakes.operation(Fixtures.GET_ZONE));
        assertEquals(List.of("kumo:job", "kumo:operations", "kumo:create-zone", "kumo:get-zone"), shell.registry.names());
        operations.add(Fakes.operation(Fixtures.UPDATE_ZONE));
        assertEquals(4, shell.registry.names().size(), "the old registry is no longer followed");
    }

    @Test
    void rebindingWithoutUnbindServesOnlyTheNewRegistry() {
        Operation create = Fakes.operation(Fixtures.CREATE_ZONE);
        operations.operations.add(create);
        operations.operations.add(Fakes.operation(Fixtures.QUERY_ZONE));
        start();
        FakeOperationRegistry replacement = new FakeOperationRegistry();
        Operation newCreate = Fakes.operation(Fixtures.CREATE_ZONE);
        replacement.operations.add(newCreate);
        registrar.bindRegistry(replacement, Map.of());
        assertEquals(List.of("kumo:job", "kumo:operations", "kumo:create-zone"), shell.registry.names());
        assertSame(newCreate, ((OperationCommand) shell.registry.command("create-zone")).operation());
        assertTrue(operations.listeners.isEmpty());
        assertEquals(1, replacement.listeners.size());
    }

    @Test
    void operationsComeAndGo() {
        start();
        Operation create = Fakes.operation(Fixtures.CREATE_ZONE);
        Operation query = Fakes.operation(Fixtures.QUERY_ZONE);
        operations.add(create);
        operations.add(query);
        assertEquals(List.of("kumo:job", "kumo:operations", "kumo:create-zone", "kumo:query-zone"), shell.registry.names());
        OperationCommand command = assertInstanceOf(OperationCommand.class, shell.registry.command("create-zone"));
        assertSame(create, command.operation());

        operations.remove(create);
        assertEquals(List.of("kumo:job", "kumo:operations", "kumo:query-zone"), shell.registry.names());
        operations.remove(create);
        assertEquals(3, shell.registry.names().size(), "a second removal changes nothing");
    }

    @Test
    void addingTheSameOperationTwiceRegistersOneCommand() {
        Operation create = Fakes.operation(Fixtures.CREATE_ZONE);
        operations.operations.add(create);
        start();
        registrar.added(create);
        assertEquals(List.of("kumo:job", "kumo:operations", "kumo:create-zone"), shell.registry.names());
    }

    @Test
    void aNewInstanceOfAnOperationReplacesItsCommand() {
        start();
        Operation first = Fakes.operation(Fixtures.CREATE_ZONE);
        Operation second = Fakes.operation(Fixtures.CREATE_ZONE);
        operations.add(first);
        operations.add(second);
        assertSame(second, ((OperationCommand) shell.registry.command("create-zone")).operation());
        operations.remove(first);
        assertSame(second, ((OperationCommand) shell.registry.command("create-zone")).operation(),
                "removing the replaced instance keeps the new command");
        assertEquals(3, shell.registry.names().size());
    }

    @Test
    void aTakenCommandNameIsRefusedUntilFreed() {
        start();
        Operation zones = Fakes.operation(Fixtures.QUERY_ZONE);
        Operation clash = Fakes.operation(OperationDescriptor.builder("ListZones").shellCommand("query-zone").build());
        Operation jobClash = Fakes.operation(OperationDescriptor.builder("Job").build());
        operations.add(zones);
        operations.add(clash);
        operations.add(jobClash);
        assertSame(zones, ((OperationCommand) shell.registry.command("query-zone")).operation());
        assertInstanceOf(JobCommand.class, shell.registry.command("job"));

        operations.remove(zones);
        assertSame(clash, ((OperationCommand) shell.registry.command("query-zone")).operation());
    }

    @Test
    void destroyUnregistersEverythingAndStopsListening() {
        start();
        operations.add(Fakes.operation(Fixtures.CREATE_ZONE));
        registrar.destroy();
        assertTrue(shell.registry.registered.isEmpty());
        assertTrue(operations.listeners.isEmpty());
        registrar.added(Fakes.operation(Fixtures.QUERY_ZONE));
        assertTrue(shell.registry.registered.isEmpty(), "nothing is registered after destroy");
    }
}
