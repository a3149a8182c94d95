package kmock.internal.payloads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

import kmock.api.KResponse;
import kmock.api.Payload;
import kmock.api.Request;
import kmock.handlers.BothTransports;
import kmock.internal.streams.LiveHub;

/** The responses of the Python original (payloads by type, files and inputs, callables, raised errors, depletion), over real HTTP. */
@BothTransports
class OriginalResponsesTest {

    @Parameter
    String transport;

    @TempDir
    Path temp;

    private static Responder replying(Object... payloads) {
        Responder responder = new Responder(new LiveHub());
        responder.add(payloads);
        return responder;
    }

    @Test
    void statusHeadersCookiesBytesTextAndJsonEachByTheirType() {
        Responder responder = replying(444, Map.of("X-Server", "kmock"), Payload.cookies(Map.of("id", "7")));
        Responder bytes = replying(new byte[] {'{', '}'});
        Responder text = replying(Payload.text("plain"));
        Responder json = replying("quoted");
        Responder cookieLookalike = replying(Map.of("id", "7"));
        try (ReplyServer server = ReplyServer.byPath(
                transport,
                new LiveHub(),
                Map.of(
                        "/meta",
                        responder,
                        "/bytes",
                        bytes,
                        "/text",
                        text,
                        "/json",
                        json,
                        "/cookies",
                        cookieLookalike))) {
            KResponse meta = server.client().get("/meta");
            assertEquals(444, meta.status());
            assertEquals("kmock", meta.header("X-Server"));
            assertEquals(Map.of("id", "7"), meta.cookies());
            assertEquals("{}", server.client().get("/bytes").text());
            assertEquals("plain", server.client().get("/text").text());
            assertEquals("\"quoted\"", server.client().get("/json").text());
            KResponse notCookies = server.client().get("/cookies");
            assertTrue(notCookies.cookies().isEmpty(), "cookies only through the cookies wrapper");
            assertEquals(Map.of("id", "7"), notCookies.json());
        }
    }

    @Test
    void pathsAreReReadAndOpenInputsStayConsumed() throws Exception {
        Path file = Files.writeString(temp.resolve("page.txt"), "v1");
        Responder path = replying(file);
        Responder input = replying(new ByteArrayInputStream("once".getBytes(StandardCharsets.UTF_8)));
        try (ReplyServer server =
                ReplyServer.byPath(transport, new LiveHub(), Map.of("/path", path, "/input", input))) {
            assertEquals("v1", server.client().get("/path").text());
            Files.writeString(file, "v2");
            assertEquals("v2", server.client().get("/path").text());
            assertEquals("once", server.client().get("/input").text());
            assertEquals("", server.client().get("/input").text(), "the input stays consumed");
        }
    }

    @Test
    void callablesRunPerRequestAndAwaitablesAreAwaited() {
        AtomicInteger calls = new AtomicInteger();
        Supplier<Object> counter = () -> Map.of("call", calls.incrementAndGet());
        Function<Request, Object> echo = request -> Payload.text(request.method() + " " + request.path());
        CompletableFuture<Object> future = CompletableFuture.completedFuture(Payload.text("from a future"));
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(2, false, List.of(Payload.text("queued")));
        CountDownLatch open = new CountDownLatch(0);
        try (ReplyServer server = ReplyServer.byPath(
                transport,
                new LiveHub(),
                Map.of(
                        "/count",
                        replying(counter),
                        "/echo",
                        replying(echo),
                        "/future",
                        replying(future),
                        "/queue",
                        replying(queue),
                        "/latch",
                        replying(open, Payload.text("after the latch"))))) {
            assertEquals(Map.of("call", 1), server.client().get("/count").json());
            assertEquals(Map.of("call", 2), server.client().get("/count").json());
            assertEquals("DELETE /echo", server.client().delete("/echo").text());
            assertEquals("from a future", server.client().get("/future").text());
            assertEquals("queued", server.client().get("/queue").text());
            assertEquals("after the latch", server.client().get("/latch").text());
        }
    }

    @Test
    void exceptionsAreRaisedOnTheServerAnsweredWithTheirNameAndRecorded() {
        try (ReplyServer server = ReplyServer.byPath(
                transport,
                new LiveHub(),
                Map.of(
                        "/class",
                        replying(ArithmeticException.class),
                        "/instance",
                        replying(new ArithmeticException("zero"))))) {
            KResponse byClass = server.client().get("/class");
            KResponse byInstance = server.client().get("/instance");
            assertEquals(500, byClass.status());
            assertTrue(byClass.text().contains("ArithmeticException"), byClass.text());
            assertEquals(500, byInstance.status());
            assertTrue(byInstance.text().contains("ArithmeticException: zero"), byInstance.text());
            assertEquals(2, server.errors().size());
            assertInstanceOf(ArithmeticException.class, server.errors().get(0));
        }
    }

    @Test
    void exhaustionRetiresTheRuleForGoodAndTheNextRuleServes() {
        LiveHub hub = new LiveHub();
        Responder exhausting = new Responder(hub);
        Iterator<Object> source = List.<Object>of(Payload.text("only once")).iterator();
        exhausting.add((Supplier<Object>) source::next);
        Responder next = new Responder(hub);
        next.add(Payload.text("next rule"));
        try (ReplyServer server = ReplyServer.start(transport, hub, exhausting, next)) {
            assertEquals("only once", server.client().get("/").text());
            assertEquals(2, server.active());
            assertEquals("next rule", server.client().get("/").text());
            assertEquals(1, server.active(), "the exhausted rule retired");
            assertEquals("next rule", server.client().get("/").text());
            assertTrue(server.errors().isEmpty(), "exhaustion is no error: " + server.errors());
        }
    }
}
