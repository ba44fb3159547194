package io.kumo.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.kumo.api.bus.MessageBus;
import io.kumo.api.error.ApiError;
import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;

class ArtemisMessageBusTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    Path dataDir;

    private BusFixture fixture;
    private ArtemisMessageBus bus;

    @BeforeEach
    void startBus() throws Exception {
        fixture = new BusFixture(dataDir);
        bus = fixture.inVmBus();
    }

    @AfterEach
    void stopBus() {
        fixture.close();
    }

    @Test
    void requestReplyRoundTripCarriesBodyAndHeaders() throws Exception {
        AtomicReference<MessageBus.Message> seen = new AtomicReference<>();
        bus.serve("kumo.test.echo", request -> {
            seen.set(request);
            return "echo:" + request.body() + ":" + request.headers().get("zone");
        });

        MessageBus.Message reply = bus.request("kumo.test.echo", "{\"name\":\"z1\"}",
                Map.of("zone", "z1", "api", "CreateZone"), TIMEOUT).get(10, TimeUnit.SECONDS);

        assertEquals("echo:{\"name\":\"z1\"}:z1", reply.body());
        assertEquals("{\"name\":\"z1\"}", seen.get().body());
        assertEquals(Map.of("zone", "z1", "api", "CreateZone"), seen.get().headers(),
                "the handler sees exactly the request headers, no broker properties");
        assertEquals(Map.of(), reply.headers());
        assertEquals(0, bus.pendingRequests());
    }

    @Test
    void nullBodiesTravelAsNull() throws Exception {
        bus.serve("kumo.test.null", request -> request.body() == null ? null : "not null");

        MessageBus.Message reply = bus.request("kumo.test.null", null, null, TIMEOUT).get(10, TimeUnit.SECONDS);

        assertNull(reply.body());
    }

    @Test
    void concurrentRequestsAreAllAnsweredAndCorrelated() throws Exception {
        bus.serve("kumo.test.square", request -> {
            long n = Long.parseLong(request.body());
            return n + "^2=" + (n * n) + "/" + request.headers().get("n");
        });

        List<CompletableFuture<MessageBus.Message>> replies = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            replies.add(bus.request("kumo.test.square", Integer.toString(i), Map.of("n", Integer.toString(i)),
                    TIMEOUT));
        }
        CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

        for (int i = 0; i < 200; i++) {
            assertEquals(i + "^2=" + ((long) i * i) + "/" + i, replies.get(i).get().body(), "reply " + i);
        }
        assertEquals(0, bus.pendingRequests());
    }

    @Test
    void requestWithoutServerTimesOutWithSys1002() {
        long start = System.nanoTime();

        ApiException error = failure(bus.request("kumo.test.nobody", "{}", Map.of(), Duration.ofMillis(300)));

        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals("SYS.1002", error.error().code());
        assertEquals(504, error.error().httpStatus());
        assertEquals("no reply from kumo.test.nobody within 300 ms; check that the management node serving it is "
                + "running", error.error().details());
        assertTrue(elapsedMillis >= 290, "timed out after " + elapsedMillis + " ms");
        assertEquals(0, bus.pendingRequests());
    }

    @Test
    void lateRepliesAreDroppedAndLaterRequestsStillWork() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger handled = new AtomicInteger();
        bus.serve("kumo.test.slow", request -> {
            if ("slow".equals(request.body())) {
                await(release);
            }
            handled.incrementAndGet();
            return "done:" + request.body();
        });

        ApiException error = failure(bus.request("kumo.test.slow", "slow", Map.of(), Duration.ofMillis(200)));
        assertEquals(ErrorCode.TIMEOUT.code(), error.error().code());
        release.countDown();

        assertEquals("done:fast", bus.request("kumo.test.slow", "fast", Map.of(), TIMEOUT).get(10, TimeUnit.SECONDS)
                .body());
        assertEquals(2, handled.get(), "the slow request was handled, its reply dropped");
        assertEquals(0, bus.pendingRequests());
    }

    @Test
    void handlerApiExceptionPropagatesWithSameCodeAndDetails() {
        ErrorCode pluginCode = new ErrorCode("ALIYUN.1003", 502, "The cloud provider rejected the call");
        bus.serve("kumo.test.conflict", request -> {
            throw new ApiException(ErrorCode.CONFLICT, "zone z1 already exists; choose another name");
        });
        bus.serve("kumo.test.plugin", request -> {
            throw new ApiException(pluginCode, "quota exceeded in cn-hangzhou");
        });

        ApiException conflict = failure(bus.request("kumo.test.conflict", "{}", Map.of(), TIMEOUT));
        ApiException plugin = failure(bus.request("kumo.test.plugin", "{}", Map.of(), TIMEOUT));

        assertEquals(ApiError.of(ErrorCode.CONFLICT, "zone z1 already exists; choose another name"), conflict.error());
        assertEquals(ApiError.of(pluginCode, "quota exceeded in cn-hangzhou"), plugin.error());
    }

    @Test
    void handlerRuntimeExceptionBecomesSys1000WithoutLeakingTheCause() {
        bus.serve("kumo.test.broken", request -> {
            throw new IllegalStateException("secret-db-password=hunter2 in jdbc:h2:/var/kumo");
        });

        ApiException error = failure(bus.request("kumo.test.broken", "{}", Map.of(), TIMEOUT));

        assertEquals("SYS.1000", error.error().code());
        assertEquals(500, error.error().httpStatus());
        String everything = error.getMessage() + " " + error.error();
        assertFalse(everything.contains("hunter2"), everything);
        assertFalse(everything.contains("IllegalStateException"), everything);
        assertFalse(everything.contains("at io.kumo"), everything);
        assertNull(error.getCause());
        assertTrue(error.error().details().contains("kumo.test.broken"), error.error().details());
    }

    @Test
    void publishReachesEverySubscriberOnEveryNode() throws Exception {
        ArtemisMessageBus otherNode = fixture.tcpBus("", "");
        BlockingQueue<MessageBus.Message> here = new LinkedBlockingQueue<>();
        BlockingQueue<MessageBus.Message> there = new LinkedBlockingQueue<>();
        bus.subscribe("kumo.test.events", here::add);
        otherNode.subscribe("kumo.test.events", there::add);

        bus.publish("kumo.test.events", "{\"vm\":\"v1\"}", Map.of("type", "VmStateChanged"));

        MessageBus.Message expected = new MessageBus.Message("{\"vm\":\"v1\"}", Map.of("type", "VmStateChanged"));
        assertEquals(expected, here.poll(10, TimeUnit.SECONDS));
        assertEquals(expected, there.poll(10, TimeUnit.SECONDS));
    }

    @Test
    void subscribersSeeEventsInPublishOrder() throws Exception {
        BlockingQueue<String> seen = new LinkedBlockingQueue<>();
        bus.subscribe("kumo.test.ordered", event -> seen.add(event.body()));

        for (int i = 0; i < 500; i++) {
            bus.publish("kumo.test.ordered", Integer.toString(i), Map.of());
        }

        for (int i = 0; i < 500; i++) {
            assertEquals(Integer.toString(i), seen.poll(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void closingASubscriptionStopsDelivery() throws Exception {
        BlockingQueue<String> closedOne = new LinkedBlockingQueue<>();
        BlockingQueue<String> openOne = new LinkedBlockingQueue<>();
        AutoCloseable subscription = bus.subscribe("kumo.test.unsubscribe", event -> closedOne.add(event.body()));
        bus.subscribe("kumo.test.unsubscribe", event -> openOne.add(event.body()));

        bus.publish("kumo.test.unsubscribe", "before", Map.of());
        assertEquals("before", closedOne.poll(10, TimeUnit.SECONDS));
        assertEquals("before", openOne.poll(10, TimeUnit.SECONDS));

        subscription.close();
        bus.publish("kumo.test.unsubscribe", "after", Map.of());

        assertEquals("after", openOne.poll(10, TimeUnit.SECONDS));
        assertTrue(closedOne.isEmpty(), "a closed subscription got " + closedOne);
    }

    @Test
    void closingTheServeHandleStopsServing() throws Exception {
        AtomicInteger handled = new AtomicInteger();
        AutoCloseable serving = bus.serve("kumo.test.stop", request -> "n" + handled.incrementAndGet());
        assertEquals("n1", bus.request("kumo.test.stop", "{}", Map.of(), TIMEOUT).get(10, TimeUnit.SECONDS).body());

        serving.close();

        ApiException error = failure(bus.request("kumo.test.stop", "{}", Map.of(), Duration.ofMillis(300)));
        assertEquals(ErrorCode.TIMEOUT.code(), error.error().code());
        assertEquals(1, handled.get());
    }

    @Test
    void requestsCrossNodesOverTcp() throws Exception {
        ArtemisMessageBus otherNode = fixture.tcpBus("", "");
        otherNode.serve("kumo.node.other", request -> "other node got " + request.body());

        assertEquals("other node got ping",
                bus.request("kumo.node.other", "ping", Map.of(), TIMEOUT).get(10, TimeUnit.SECONDS).body());
    }

    @Test
    void closingTheBusFailsPendingRequestsWithUnavailable() throws Exception {
        ArtemisMessageBus server = fixture.tcpBus("", "");
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        server.serve("kumo.test.hang", request -> {
            entered.countDown();
            await(release);
            return "late";
        });
        CompletableFuture<MessageBus.Message> reply = bus.request("kumo.test.hang", "{}", Map.of(),
                Duration.ofSeconds(30));
        assertTrue(entered.await(10, TimeUnit.SECONDS));

        bus.close();

        ApiException error = failure(reply);
        assertEquals("SYS.1010", error.error().code());
        assertEquals("the message bus is stopping", error.error().details());
        assertEquals("SYS.1010", failure(bus.request("kumo.test.hang", "{}", Map.of(), TIMEOUT)).error().code());
        release.countDown();
    }

    private static ApiException failure(CompletableFuture<?> future) {
        ExecutionException thrown = assertThrows(ExecutionException.class, () -> future.get(20, TimeUnit.SECONDS));
        return assertInstanceOf(ApiException.class, thrown.getCause());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
