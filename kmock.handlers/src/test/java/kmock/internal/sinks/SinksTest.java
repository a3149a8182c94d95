package kmock.internal.sinks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

import kmock.api.KResponse;
import kmock.api.Request;
import kmock.handlers.BothTransports;
import kmock.internal.payloads.ReplyServer;

/** Side effects (API.md 4.5): every sink kind receives every request, over real HTTP, and never alters the answer. */
@BothTransports
class SinksTest {

    @Parameter
    String transport;

    @TempDir
    Path temp;

    private static Sinks of(Object... sinks) {
        Sinks all = new Sinks();
        all.add(sinks);
        return all;
    }

    @Test
    void sinksOfEveryKindReceiveEveryMatchedRequest() throws Exception {
        List<Request> list = new ArrayList<>();
        Set<Request> set = new HashSet<>();
        Map<Request, Object> map = new LinkedHashMap<>();
        LinkedBlockingQueue<Request> queue = new LinkedBlockingQueue<>();
        CompletableFuture<Request> future = new CompletableFuture<>();
        CountDownLatch latch = new CountDownLatch(2);
        List<String> called = new ArrayList<>();
        Consumer<Request> consumer = request -> called.add("consumer");
        Runnable runnable = () -> called.add("runnable");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StringWriter text = new StringWriter();
        Path file = temp.resolve("last-body.json");
        try (ReplyServer server = ReplyServer.sinking(
                transport, of(list, set, map, queue, future, latch, consumer, runnable, bytes, text, file))) {
            server.client().post("/first", Map.of("n", 1));
            server.client().post("/second", "raw".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(
                List.of("/first", "/second"), list.stream().map(Request::path).toList());
        assertEquals(Set.copyOf(list), set);
        assertEquals(Map.of("n", 1), map.get(list.get(0)));
        assertEquals("/first", queue.take().path());
        assertEquals("/second", queue.take().path());
        assertSame(list.get(0), future.getNow(null), "completed by the first request");
        assertEquals(0, latch.getCount());
        assertEquals(List.of("consumer", "runnable", "consumer", "runnable"), called);
        assertEquals("{\"n\":1}raw", bytes.toString(StandardCharsets.UTF_8));
        assertEquals("{\"n\":1}raw", text.toString());
        assertEquals("raw", Files.readString(file), "the path is overwritten with the last body");
    }

    @Test
    void mapGetsJsonElseBytesElseNull() {
        Map<Request, Object> bodies = new LinkedHashMap<>();
        try (ReplyServer server = ReplyServer.sinking(transport, of(bodies))) {
            server.client().post("/json", List.of(1, 2));
            server.client().post("/bytes", new byte[] {0, 1});
            server.client().get("/empty");
        }
        List<Object> values = new ArrayList<>(bodies.values());
        assertEquals(List.of(1, 2), values.get(0));
        assertArrayEquals(new byte[] {0, 1}, (byte[]) values.get(1));
        assertNull(values.get(2));
    }

    @Test
    void mapThatRefusesNullsExplainsWhichMapToUseForEmptyBodies() {
        try (ReplyServer server = ReplyServer.sinking(transport, of(new ConcurrentHashMap<Request, Object>()))) {
            KResponse response = server.client().get("/empty");
            assertEquals(500, response.status());
            assertTrue(response.text().contains("Collections.synchronizedMap"), response.text());
        }
    }

    @Test
    void functionSinkIsCalledAndItsResultIgnored() {
        AtomicInteger calls = new AtomicInteger();
        Function<Request, Object> function = request -> calls.incrementAndGet();
        try (ReplyServer server = ReplyServer.sinking(transport, of(function))) {
            assertEquals(200, server.client().get("/").status());
            assertEquals(200, server.client().get("/").status());
        }
        assertEquals(2, calls.get());
    }

    @Test
    void plainCollectionSinkIsSafeForConcurrentRequests() throws Exception {
        List<Request> list = new ArrayList<>();
        int clients = 16;
        int each = 20;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try (ReplyServer server = ReplyServer.sinking(transport, of(list))) {
            List<Future<?>> requests = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                requests.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        assertEquals(200, server.client().get("/").status());
                    }
                }));
            }
            for (Future<?> request : requests) {
                request.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(clients * each, list.size());
    }

    @Test
    void failingSinkFailsAfterEveryOtherSinkRan() {
        List<Request> after = new ArrayList<>();
        Runnable failing = () -> {
            throw new IllegalStateException("sink failed");
        };
        Sinks sinks = of(failing, after);
        try (ReplyServer server = ReplyServer.sinking(transport, sinks)) {
            KResponse response = server.client().get("/");
            assertEquals(500, response.status());
            assertTrue(response.text().contains("sink failed"), response.text());
        }
        assertEquals(1, after.size());
    }

    @Test
    void unsupportedSinkFailsAtDeclarationNamingTheKinds() {
        Sinks sinks = new Sinks();
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> sinks.add(List.of(), 42));
        assertTrue(error.getMessage().contains("'42'"), error.getMessage());
        assertTrue(error.getMessage().contains("Collection"), error.getMessage());
        assertTrue(sinks.isEmpty(), "none of the failed call was added");
        assertThrows(IllegalArgumentException.class, () -> sinks.add((Object) null));
    }
}
