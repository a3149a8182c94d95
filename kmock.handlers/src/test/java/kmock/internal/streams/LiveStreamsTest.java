package kmock.internal.streams;

import static kmock.internal.streams.Bytes.of;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

import kmock.api.KStream;
import kmock.api.Payload;
import kmock.handlers.BothTransports;
import kmock.internal.payloads.ReplyServer;
import kmock.internal.payloads.Responder;
import kmock.internal.payloads.Waiting;

/** Live streams: feeding points, reaction and handler-wide feeds, and their end (API.md 4.4, 8). */
@BothTransports
class LiveStreamsTest {

    @Parameter
    String transport;

    @Test
    void firstChunkArrivesWhileTheProducerWaitsAtTheFeedingPoint() {
        Responder responder = new Responder(new LiveHub());
        responder.add(Payload.stream(of("first\n"), Payload.LIVE));
        try (ReplyServer server = ReplyServer.start(transport, responder);
                KStream stream = server.client().stream("GET", "/")) {
            assertEquals("first", stream.readLine(Waiting.DEADLINE));
            assertEquals(1, responder.waiting(), "the producer waits at its feeding point");
            assertFalse(stream.isFinished());
            responder.feed(of("second\n"));
            assertEquals("second", stream.readLine(Waiting.DEADLINE));
            assertNull(stream.readLine(Waiting.DEADLINE));
        }
    }

    @Test
    void feedingPointBeforeAnyChunkSendsTheHeadersSoTheClientCanOpenTheStreamFirst() {
        Responder responder = new Responder(new LiveHub());
        responder.add(201, Payload.stream(Payload.LIVE));
        try (ReplyServer server = ReplyServer.start(transport, responder);
                KStream stream = server.client().stream("GET", "/")) {
            assertEquals(201, stream.status());
            responder.feed("fed");
            assertEquals("\"fed\"", stream.readLine(Waiting.DEADLINE));
            assertNull(stream.readLine(Waiting.DEADLINE));
        }
    }

    @Test
    void reactionFeedReachesOnlyTheStreamsOfThatReaction() {
        LiveHub hub = new LiveHub();
        Responder a = new Responder(hub);
        a.add(Payload.stream(Payload.LIVE));
        Responder b = new Responder(hub);
        b.add(Payload.stream(Payload.LIVE));
        try (ReplyServer server = ReplyServer.byPath(transport, hub, Map.of("/a", a, "/b", b));
                KStream streamA = server.client().stream("GET", "/a");
                KStream streamB = server.client().stream("GET", "/b")) {
            a.feed(of("for a\n"));
            assertEquals("for a", streamA.readLine(Waiting.DEADLINE));
            assertNull(streamA.readLine(Waiting.DEADLINE));
            assertEquals(1, b.waiting(), "b still waits");
            assertEquals(0, streamB.readAvailable().length);
            b.feed(of("for b\n"));
            assertEquals("for b", streamB.readLine(Waiting.DEADLINE));
        }
    }

    @Test
    void hubFeedReachesEveryWaitingStreamOfTheHandler() {
        LiveHub hub = new LiveHub();
        Responder a = new Responder(hub);
        a.add(Payload.stream(Payload.LIVE));
        Responder b = new Responder(hub);
        b.add(Payload.stream(of("b:"), Payload.LIVE));
        try (ReplyServer server = ReplyServer.byPath(transport, hub, Map.of("/a", a, "/b", b));
                KStream streamA = server.client().stream("GET", "/a");
                KStream streamB = server.client().stream("GET", "/b")) {
            Waiting.until("both streams wait", () -> hub.waiting() == 2);
            hub.feed(of("all\n"));
            assertEquals("all", streamA.readLine(Waiting.DEADLINE));
            assertEquals("b:all", streamB.readLine(Waiting.DEADLINE));
            assertNull(streamA.readLine(Waiting.DEADLINE));
            assertNull(streamB.readLine(Waiting.DEADLINE));
            assertEquals(0, hub.waiting(), "ended streams listen no more");
        }
    }

    @Test
    void fedItemsWithoutANewFeedingPointLetTheStreamRunToItsEnd() {
        Responder responder = new Responder(new LiveHub());
        responder.add(Payload.stream(of("a\n"), Payload.LIVE, of("z\n")));
        try (ReplyServer server = ReplyServer.start(transport, responder);
                KStream stream = server.client().stream("GET", "/")) {
            assertEquals("a", stream.readLine(Waiting.DEADLINE));
            responder.feed(of("m\n"), "json");
            assertEquals("m", stream.readLine(Waiting.DEADLINE));
            assertEquals("\"json\"", stream.readLine(Waiting.DEADLINE));
            assertEquals("z", stream.readLine(Waiting.DEADLINE));
            assertNull(stream.readLine(Waiting.DEADLINE));
            assertEquals(0, responder.waiting());
        }
    }

    @Test
    void itemsFedBeforeTheStreamReachedItsFeedingPointAreNotSent() {
        CountDownLatch gate = new CountDownLatch(1);
        Responder responder = new Responder(new LiveHub());
        responder.add(Payload.stream(new byte[0], gate, Payload.LIVE, of("end\n")));
        try (ReplyServer server = ReplyServer.start(transport, responder);
                KStream stream = server.client().stream("GET", "/")) {
            assertEquals(0, responder.waiting(), "the stream waits at the gate, not yet at its feeding point");
            responder.feed(of("early\n"));
            gate.countDown();
            Waiting.until("the stream reaches its feeding point", () -> responder.waiting() == 1);
            responder.feed(of("late\n"));
            assertEquals("late", stream.readLine(Waiting.DEADLINE));
            assertEquals("end", stream.readLine(Waiting.DEADLINE));
        }
    }

    @Test
    void feedThatReachesNoWaitingStreamIsANoOp() {
        LiveHub hub = new LiveHub();
        Responder responder = new Responder(hub);
        responder.add(Payload.stream(Payload.LIVE));
        responder.feed(of("nobody listens"), Payload.LIVE);
        hub.feed(of("nobody listens"));
        assertEquals(0, responder.waiting());
        assertEquals(0, hub.waiting());
    }

    @Test
    void fedCallableReturningAFeedingPointKeepsTheStreamWaiting() {
        Responder responder = new Responder(new LiveHub());
        responder.add(Payload.stream(Payload.LIVE, of("end\n")));
        Supplier<Object> more = () -> Payload.stream(of("computed\n"), Payload.LIVE);
        try (ReplyServer server = ReplyServer.start(transport, responder);
                KStream stream = server.client().stream("GET", "/")) {
            responder.feed(more);
            assertEquals("computed", stream.readLine(Waiting.DEADLINE));
            responder.feed(of("last\n"));
            assertEquals("last", stream.readLine(Waiting.DEADLINE));
            assertEquals("end", stream.readLine(Waiting.DEADLINE));
        }
    }

    @Test
    void clientDisconnectWhileWaitingEndsTheProducerAtTheNextFeed() {
        Responder responder = new Responder(new LiveHub());
        responder.add(Payload.stream(Payload.LIVE));
        try (ReplyServer server = ReplyServer.start(transport, responder)) {
            KStream stream = server.client().stream("GET", "/");
            assertEquals(1, responder.waiting());
            stream.close();
            Waiting.until("the producer ends on a failed write", () -> {
                responder.feed(of("ping\n"), Payload.LIVE);
                return responder.waiting() == 0;
            });
            assertTrue(server.errors().isEmpty(), "a disconnect is no server error: " + server.errors());
        }
    }

    @Test
    void serverCloseWhileWaitingEndsTheProducer() {
        LiveHub hub = new LiveHub();
        Responder responder = new Responder(hub);
        responder.add(Payload.stream(Payload.LIVE));
        ReplyServer server = ReplyServer.start(transport, hub, responder);
        KStream stream = server.client().stream("GET", "/");
        assertEquals(1, hub.waiting());
        server.close();
        Waiting.until("the waiting producer ends", () -> hub.waiting() == 0);
        stream.close();
        assertTrue(server.errors().isEmpty(), "closing is no server error: " + server.errors());
    }
}
