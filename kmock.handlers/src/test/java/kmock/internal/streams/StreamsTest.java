package kmock.internal.streams;

import static kmock.internal.streams.Bytes.of;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

import kmock.api.KResponse;
import kmock.api.KStream;
import kmock.api.Payload;
import kmock.api.Request;
import kmock.handlers.BothTransports;
import kmock.internal.payloads.ReplyServer;
import kmock.internal.payloads.Responder;
import kmock.internal.payloads.Waiting;

/** Streams beyond the original's examples: API.md 4.4 over real HTTP. */
@BothTransports
class StreamsTest {

    @Parameter
    String transport;

    private static Responder replying(Object... payloads) {
        Responder responder = new Responder(new LiveHub());
        responder.add(payloads);
        return responder;
    }

    @Test
    void responseWithAStreamPartIsStreamedAndOneWithoutIsFixed() throws Exception {
        Request request = Request.builder().url("/").build();
        assertTrue(replying(of("a"), Payload.stream(of("b")))
                .respond(request, failure -> {})
                .isStreaming());
        assertFalse(replying(of("a"), of("b")).respond(request, failure -> {}).isStreaming());
    }

    @Test
    void severalAddCallsWithStreamPartsFormOneReplayableStream() {
        Responder responder = replying(Payload.stream(of("a")));
        responder.add(Payload.stream(of("b")));
        responder.add(of("c"));
        try (ReplyServer server = ReplyServer.start(transport, responder)) {
            assertEquals("abc", server.client().get("/").text());
            assertEquals("abc", server.client().get("/").text());
        }
    }

    @Test
    void streamsOfJavaStreamsAndSetsDeplete() {
        Responder responder = replying(Payload.stream(Stream.of(of("s")), Set.of(of("t")), of(".")));
        try (ReplyServer server = ReplyServer.start(transport, responder)) {
            assertEquals("st.", server.client().get("/").text());
            assertEquals(".", server.client().get("/").text());
        }
    }

    @Test
    void firstChunkArrivesWhileTheProducerWaitsForALatchInTheStream() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        try (ReplyServer server =
                        ReplyServer.start(transport, replying(Payload.stream(of("first\n"), gate, of("second\n"))));
                KStream stream = server.client().stream("GET", "/")) {
            assertEquals("first", stream.readLine(Waiting.DEADLINE));
            assertFalse(stream.isFinished());
            gate.countDown();
            assertEquals("second", stream.readLine(Waiting.DEADLINE));
        }
    }

    @Test
    void callableInAStreamReturningAStreamOrAnIteratorIsStreamedInPlace() {
        Supplier<Object> nested = () -> Payload.stream(of("1"), Duration.ofMillis(1), of("2"));
        Supplier<Object> iterator =
                () -> List.<Object>of(of("3"), Duration.ZERO, of("4")).iterator();
        try (ReplyServer server =
                ReplyServer.start(transport, replying(Payload.stream(of("<"), nested, iterator, of(">"))))) {
            assertEquals("<1234>", server.client().get("/").text());
            assertEquals("<1234>", server.client().get("/").text());
        }
    }

    @Test
    void noSuchElementExceptionInAStreamEndsThatRequestsStreamOnly() {
        try (ReplyServer server = ReplyServer.start(
                transport, replying(Payload.stream(of("kept"), new NoSuchElementException(), of("never"))))) {
            assertEquals("kept", server.client().get("/").text());
            assertEquals("kept", server.client().get("/").text());
            assertTrue(server.errors().isEmpty(), server.errors().toString());
        }
    }

    @Test
    void streamThatEndsBeforeItsFirstChunkIsDepletedAndTheNextRuleServes() {
        LiveHub hub = new LiveHub();
        Responder empty = new Responder(hub);
        empty.add(Payload.stream(null, (Runnable) () -> {}));
        Responder next = new Responder(hub);
        next.add(Payload.text("next"));
        try (ReplyServer server = ReplyServer.start(transport, hub, empty, next)) {
            assertEquals("next", server.client().get("/").text());
            assertEquals(1, server.active());
        }
    }

    @Test
    void statusLikeIntegerAndHeaderLikeMapAfterTheFirstChunkAreSentAsJsonLines() {
        try (ReplyServer server =
                ReplyServer.start(transport, replying(Payload.stream(of("sent\n"), 404, Map.of("Location", "/x"))))) {
            KResponse response = server.client().get("/");
            assertEquals(200, response.status(), "the status went out with the first chunk");
            assertEquals("sent\n404\n{\"Location\":\"/x\"}\n", response.text());
            assertTrue(server.errors().isEmpty(), server.errors().toString());
        }
    }

    @Test
    void explicitHeadersAfterTheFirstChunkAreRecordedAsAnErrorAndEndTheStream() {
        try (ReplyServer server = ReplyServer.start(
                transport,
                replying(Payload.stream(of("sent\n"), Payload.headers(Map.of("X-Late", "1")), of("never\n"))))) {
            KResponse response = server.client().get("/");
            assertTrue(response.text().startsWith("sent\njava.lang.IllegalStateException: "), response.text());
            assertFalse(response.text().contains("never"));
            assertNull(response.header("X-Late"));
            assertInstanceOf(IllegalStateException.class, server.errors().get(0));
            assertTrue(
                    server.errors().get(0).getMessage().contains("Payload.json"),
                    server.errors().get(0).getMessage());
        }
    }

    @Test
    void failureAfterTheFirstChunkIsRecordedAndNamedAtTheEndOfTheStream() {
        IllegalStateException late = new IllegalStateException("late");
        try (ReplyServer server = ReplyServer.start(transport, replying(222, Payload.stream(new byte[0], late)))) {
            KResponse response = server.client().get("/");
            assertEquals(222, response.status(), "the status cannot change once the stream started");
            assertEquals("java.lang.IllegalStateException: late\n", response.text());
            assertEquals(List.of(late), server.errors());
        }
    }

    @Test
    void failureBeforeTheFirstChunkFailsTheWholeResponse() {
        try (ReplyServer server =
                ReplyServer.start(transport, replying(Payload.stream(IllegalArgumentException.class, of("never"))))) {
            KResponse response = server.client().get("/");
            assertEquals(500, response.status());
            assertTrue(response.text().contains("IllegalArgumentException"), response.text());
        }
    }

    @Test
    void depletedPayloadBeforeTheFirstChunkIsThrownFromRespond() {
        Responder responder = replying(Payload.stream(List.of().iterator()));
        assertThrows(
                NoSuchElementException.class,
                () -> responder.respond(Request.builder().url("/").build(), failure -> {}));
    }
}
