package kmock.internal.payloads;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.FileInputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

import kmock.api.KResponse;
import kmock.api.Payload;
import kmock.api.Request;
import kmock.api.Response;
import kmock.handlers.BothTransports;
import kmock.internal.streams.LiveHub;

/** Every row of the payload table of API.md 4.3, over real HTTP. */
@BothTransports
class ResponsePayloadsTest {

    @Parameter
    String transport;

    @TempDir
    Path temp;

    private KResponse once(Object... payloads) {
        Responder responder = new Responder(new LiveHub());
        responder.add(payloads);
        try (ReplyServer server = ReplyServer.start(transport, responder)) {
            return server.client().get("/");
        }
    }

    @Test
    void integerInTheStatusRangeIsTheStatus() {
        KResponse response = once(404);
        assertEquals(404, response.status());
        assertEquals(0, response.body().length);
    }

    @Test
    void integerOutsideTheStatusRangeIsAJsonNumber() {
        KResponse response = once(42);
        assertEquals(200, response.status());
        assertEquals("42", response.text());
    }

    @Test
    void payloadJsonSendsAStatusLikeNumberAsTheBody() {
        KResponse response = once(Payload.json(404));
        assertEquals(200, response.status());
        assertEquals("404", response.text());
        assertEquals("application/json", response.header("Content-Type"));
    }

    @Test
    void bytesAreSentRaw() {
        KResponse response = once(new byte[] {1, 2, 3});
        assertArrayEquals(new byte[] {1, 2, 3}, response.body());
        assertNull(response.header("Content-Type"));
    }

    @Test
    void payloadBodyIsSentRaw() {
        assertEquals(
                "raw text",
                once(Payload.body("raw text".getBytes(StandardCharsets.UTF_8))).text());
    }

    @Test
    void stringIsSentAsAJsonStringWithQuotes() {
        KResponse response = once("hello");
        assertEquals("\"hello\"", response.text());
        assertEquals("application/json", response.header("Content-Type"));
    }

    @Test
    void numbersBooleansListsAndPlainMapsAreJson() {
        assertEquals("1.5", once(1.5).text());
        assertEquals("true", once(true).text());
        assertEquals(List.of(1, "a"), once(List.of(1, "a")).json());
        assertEquals(
                Map.of("name", "x", "count", 2),
                once(Map.of("name", "x", "count", 2)).json());
    }

    @Test
    void payloadTextIsUtf8TextNotJson() {
        KResponse response = once(Payload.text("héllo"));
        assertEquals("héllo", response.text());
        assertEquals("text/plain; charset=utf-8", response.header("Content-Type"));
    }

    @Test
    void mapOfWellKnownAndXHeadersSetsResponseHeaders() {
        KResponse response = once(201, Map.of("Location", "/items/1", "x-trace", "abc"), new byte[0]);
        assertEquals(201, response.status());
        assertEquals("/items/1", response.header("Location"));
        assertEquals("abc", response.header("X-Trace"));
        assertEquals(0, response.body().length);
    }

    @Test
    void mapWithAnyOtherKeyIsAJsonBodyNotHeaders() {
        KResponse response = once(Map.of("Location", "/x", "name", "y"));
        assertEquals(Map.of("Location", "/x", "name", "y"), response.json());
        assertNull(response.header("Location"));
    }

    @Test
    void payloadHeadersSetsHeadersWithListsAsSeveralValues() {
        KResponse response =
                once(Payload.headers(Map.of("Cache-Control", "no-store", "Custom", List.of("a", "b"))), "x");
        assertEquals("no-store", response.header("Cache-Control"));
        assertEquals(List.of("a", "b"), response.headers().get("custom"));
    }

    @Test
    void payloadCookiesSetsSetCookieHeaders() {
        Map<String, Object> cookies = new LinkedHashMap<>();
        cookies.put("session", "abc");
        cookies.put("theme", "dark");
        KResponse response = once(Payload.cookies(cookies));
        assertEquals(Map.of("session", "abc", "theme", "dark"), response.cookies());
        assertEquals(2, response.headers().get("Set-Cookie").size());
    }

    @Test
    void payloadResponseGivesStatusHeadersCookiesAndContentAtOnce() {
        KResponse response = once(Payload.response(
                202, "Accepted Later", Map.of("X-Job", "7"), Map.of("job", "7"), Map.of("state", "queued")));
        assertEquals(202, response.status());
        assertEquals("7", response.header("X-Job"));
        assertEquals(Map.of("job", "7"), response.cookies());
        assertEquals(Map.of("state", "queued"), response.json());
    }

    @Test
    void payloadResponseKeepsItsReasonPhrase() throws Exception {
        Responder responder = new Responder(new LiveHub());
        responder.add(Payload.response(299, "Fine Enough", null, null, new byte[0]));
        Response response = responder.respond(Request.builder().url("/").build(), failure -> {});
        assertEquals(299, response.status());
        assertEquals("Fine Enough", response.reason());
    }

    @Test
    void pathIsReadAgainOnEveryRequest() throws Exception {
        Path file = Files.writeString(temp.resolve("body.txt"), "first");
        Responder responder = new Responder(new LiveHub());
        responder.add(file);
        try (ReplyServer server = ReplyServer.start(transport, responder)) {
            assertEquals("first", server.client().get("/").text());
            Files.writeString(file, "second");
            assertEquals("second", server.client().get("/").text());
        }
    }

    @Test
    void missingPathFailsThePayloadWithAServerError() {
        Responder responder = new Responder(new LiveHub());
        responder.add(temp.resolve("absent.txt"));
        try (ReplyServer server = ReplyServer.start(transport, responder)) {
            KResponse response = server.client().get("/");
            assertEquals(500, response.status());
            assertTrue(response.text().contains("NoSuchFileException"), response.text());
            assertInstanceOf(NoSuchFileException.class, server.errors().get(0));
        }
    }

    @Test
    void inputStreamIsConsumedAcrossRequestsAndGivesWhatWasAppendedSince() throws Exception {
        Path file = Files.writeString(temp.resolve("log.txt"), "one;");
        try (InputStream input = new FileInputStream(file.toFile())) {
            Responder responder = new Responder(new LiveHub());
            responder.add(input);
            try (ReplyServer server = ReplyServer.start(transport, responder)) {
                assertEquals("one;", server.client().get("/").text());
                Files.writeString(file, "two;", StandardOpenOption.APPEND);
                assertEquals("two;", server.client().get("/").text());
                KResponse exhausted = server.client().get("/");
                assertEquals(200, exhausted.status());
                assertEquals("", exhausted.text());
            }
        }
    }

    @Test
    void readerIsConsumedOnceThenGivesAnEmptyBody() {
        Responder responder = new Responder(new LiveHub());
        responder.add(new StringReader("chars"));
        try (ReplyServer server = ReplyServer.start(transport, responder)) {
            assertEquals("chars", server.client().get("/").text());
            assertEquals("", server.client().get("/").text());
        }
    }

    @Test
    void functionOfTheRequestIsCalledPerRequestAndItsResultSent() {
        Function<Request, Object> echo =
                request -> Payload.text(request.params().get("name"));
        Responder responder = new Responder(new LiveHub());
        responder.add(echo);
        try (ReplyServer server = ReplyServer.start(transport, responder)) {
            assertEquals("ann", server.client().get("/?name=ann").text());
            assertEquals("bob", server.client().get("/?name=bob").text());
        }
    }

    @Test
    void supplierAndCallableResultsAreInterpretedAsPayloads() {
        AtomicInteger calls = new AtomicInteger();
        Supplier<Object> status = () -> 200 + calls.incrementAndGet();
        Callable<Object> body = () -> Payload.stream(new byte[] {'a'}, new byte[] {'b'});
        Responder responder = new Responder(new LiveHub());
        responder.add(status, body);
        try (ReplyServer server = ReplyServer.start(transport, responder)) {
            KResponse first = server.client().get("/");
            assertEquals(201, first.status());
            assertEquals("ab", first.text());
            assertEquals(202, server.client().get("/").status());
        }
    }

    @Test
    void consumerAndRunnableAreCalledAndSendNothing() {
        List<String> seen = new CopyOnWriteArrayList<>();
        Consumer<Request> consumer = request -> seen.add("consumer " + request.path());
        Runnable runnable = () -> seen.add("runnable");
        Responder responder = new Responder(new LiveHub());
        responder.add(consumer, runnable, 204);
        try (ReplyServer server = ReplyServer.start(transport, responder)) {
            KResponse response = server.client().get("/here");
            assertEquals(204, response.status());
            assertEquals(List.of("consumer /here", "runnable"), seen);
        }
    }

    @Test
    void futureIsAwaitedPerRequestAndItsResultSent() throws Exception {
        CompletableFuture<Object> future = new CompletableFuture<>();
        CountDownLatch reached = new CountDownLatch(1);
        Responder responder = new Responder(new LiveHub());
        responder.add((Runnable) reached::countDown, future);
        try (ReplyServer server = ReplyServer.start(transport, responder)) {
            CompletableFuture<KResponse> pending =
                    CompletableFuture.supplyAsync(() -> server.client().get("/"));
            assertTrue(reached.await(20, TimeUnit.SECONDS));
            assertFalse(pending.isDone(), "answered before the future completed");
            future.complete(Map.of("done", true));
            assertEquals(Map.of("done", true), pending.get(20, TimeUnit.SECONDS).json());
            assertEquals(Map.of("done", true), server.client().get("/").json(), "a done future answers at once");
        }
    }

    @Test
    void completionStageIsAwaitedAndItsResultSent() {
        assertEquals(
                "\"staged\"", once(CompletableFuture.completedStage("staged")).text());
    }

    @Test
    void countDownLatchIsAwaitedAndSendsNothing() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        CountDownLatch reached = new CountDownLatch(1);
        Responder responder = new Responder(new LiveHub());
        responder.add((Runnable) reached::countDown, gate, Payload.text("through"));
        try (ReplyServer server = ReplyServer.start(transport, responder)) {
            CompletableFuture<KResponse> pending =
                    CompletableFuture.supplyAsync(() -> server.client().get("/"));
            assertTrue(reached.await(20, TimeUnit.SECONDS));
            assertFalse(pending.isDone(), "answered before the latch opened");
            gate.countDown();
            assertEquals("through", pending.get(20, TimeUnit.SECONDS).text());
        }
    }

    @Test
    void blockingQueueGivesOneItemPerRequest() {
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(4);
        queue.add(Payload.text("a"));
        queue.add(503);
        Responder responder = new Responder(new LiveHub());
        responder.add(queue);
        try (ReplyServer server = ReplyServer.start(transport, responder)) {
            assertEquals("a", server.client().get("/").text());
            assertEquals(503, server.client().get("/").status());
        }
    }

    @Test
    void durationSleepsAndThenTheRestIsSent() {
        assertEquals("\"awake\"", once(Duration.ofMillis(1), "awake").text());
    }

    @Test
    void durationSleepEndsWhenTheServerCloses() throws Exception {
        CountDownLatch asleep = new CountDownLatch(1);
        Responder responder = new Responder(new LiveHub());
        responder.add((Runnable) asleep::countDown, Duration.ofDays(1), "never");
        ReplyServer server = ReplyServer.start(transport, responder);
        CompletableFuture<KResponse> pending =
                CompletableFuture.supplyAsync(() -> server.client().get("/"));
        assertTrue(asleep.await(20, TimeUnit.SECONDS));
        assertFalse(pending.isDone(), "answered while the payload sleeps for a day");
        server.close();
        Waiting.until("the request ends", pending::isDone);
        Waiting.until("the sleeping payload is interrupted", () -> server.errors().stream()
                .anyMatch(error -> error instanceof InterruptedException));
    }

    @Test
    void throwableInstanceIsRaisedAsAServerErrorAndRecorded() {
        IllegalStateException boom = new IllegalStateException("boom");
        Responder responder = new Responder(new LiveHub());
        responder.add(boom);
        try (ReplyServer server = ReplyServer.start(transport, responder)) {
            KResponse response = server.client().get("/");
            assertEquals(500, response.status());
            assertTrue(response.text().contains("IllegalStateException: boom"), response.text());
            assertEquals(List.of(boom), server.errors());
        }
    }

    @Test
    void exceptionClassIsRaisedAsANewInstanceOnEveryRequest() {
        Responder responder = new Responder(new LiveHub());
        responder.add(UnsupportedOperationException.class);
        try (ReplyServer server = ReplyServer.start(transport, responder)) {
            assertEquals(500, server.client().get("/").status());
            assertEquals(500, server.client().get("/").status());
            assertEquals(2, server.errors().size());
            assertInstanceOf(
                    UnsupportedOperationException.class, server.errors().get(1));
            assertFalse(server.errors().get(0) == server.errors().get(1));
        }
    }

    @Test
    void noSuchElementExceptionFromAPayloadDepletesTheReactionAndTheNextServes() {
        Iterator<Object> twice =
                List.<Object>of(Payload.text("1"), Payload.text("2")).iterator();
        Supplier<Object> next = twice::next;
        Responder first = new Responder(new LiveHub());
        first.add(next);
        Responder second = new Responder(new LiveHub());
        second.add(Payload.text("fallback"));
        try (ReplyServer server = ReplyServer.start(transport, new LiveHub(), first, second)) {
            assertEquals("1", server.client().get("/").text());
            assertEquals("2", server.client().get("/").text());
            assertEquals("fallback", server.client().get("/").text());
            assertEquals(1, server.active(), "the depleted reaction retired");
            assertTrue(server.errors().isEmpty(), "depletion is no error: " + server.errors());
        }
    }

    @Test
    void severalBodyPartsConcatenateWithJsonPartsAsLines() {
        KResponse response = once(new byte[] {'<'}, Map.of("a", 1), Payload.text(">"));
        assertEquals("<{\"a\":1}\n>", response.text());
        assertNull(response.header("Content-Type"), "mixed parts get no guessed type");
    }

    @Test
    void inputStreamAtItsEndGivesAnEmptyBody() {
        assertEquals(0, once(new ByteArrayInputStream(new byte[0])).body().length);
    }

    @Test
    void statusDeclaredAfterTheBodyStillAppliesToTheWholeResponse() {
        KResponse response = once(Payload.text("late"), 418);
        assertEquals(418, response.status());
        assertEquals("late", response.text());
    }
}
