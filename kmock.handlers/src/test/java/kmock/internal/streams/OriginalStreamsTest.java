package kmock.internal.streams;

import static kmock.internal.streams.Bytes.of;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
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

/** The streams of the Python original (replayable and depletable, JSON lines, live feeds, callables), over real HTTP. */
@BothTransports
class OriginalStreamsTest {

    @Parameter
    String transport;

    @Test
    void tupleStreamsReplayGeneratorsDeplete() {
        LiveHub hub = new LiveHub();
        Responder replayable = new Responder(hub);
        replayable.add(Payload.stream(of("a"), of("b")));
        try (ReplyServer server = ReplyServer.start(transport, replayable)) {
            assertEquals("ab", server.client().get("/").text());
            assertEquals("ab", server.client().get("/").text());
        }

        Responder depletable = new Responder(hub);
        depletable.add(List.of(of("served once")).iterator());
        Responder next = new Responder(hub);
        next.add(Payload.stream(of("the next rule")));
        try (ReplyServer server = ReplyServer.start(transport, hub, depletable, next)) {
            assertEquals("served once", server.client().get("/").text());
            assertEquals("the next rule", server.client().get("/").text());
            assertEquals(1, server.active(), "the rule whose content is a depleted stream retired");
            assertTrue(server.errors().isEmpty(), server.errors().toString());
        }
    }

    @Test
    void depletablePartsOfAReplayableStreamAreServedOnceThenSkipped() {
        Responder responder = new Responder(new LiveHub());
        responder.add(Payload.stream(
                of("each time; "),
                List.of(of("only the 1st"), new NoSuchElementException()).iterator(),
                List.of(of("only the 2nd"), new NoSuchElementException()).iterator(),
                of("3rd and later")));
        try (ReplyServer server = ReplyServer.start(transport, responder)) {
            assertEquals("each time; only the 1st", server.client().get("/").text());
            assertEquals("each time; only the 2nd", server.client().get("/").text());
            assertEquals("each time; 3rd and later", server.client().get("/").text());
            assertEquals("each time; 3rd and later", server.client().get("/").text());
            assertTrue(server.errors().isEmpty(), server.errors().toString());
        }
    }

    @Test
    void streamItemsAreRawBytesJsonLinesOrNothingAndHeadersWaitForTheFirstChunk() throws Exception {
        Responder items = new Responder(new LiveHub());
        items.add(Payload.stream(of("raw;"), "text", 7, List.of(1, 2), Map.of("k", "v"), null, true));
        CountDownLatch gate = new CountDownLatch(1);
        Responder early = new Responder(new LiveHub());
        early.add(Payload.stream(null, 404, Map.of("X-Late", "set"), new byte[0], gate, of("after the gate\n")));
        try (ReplyServer server =
                ReplyServer.byPath(transport, new LiveHub(), Map.of("/items", items, "/early", early))) {
            assertEquals(
                    "raw;\"text\"\n7\n[1,2]\n{\"k\":\"v\"}\ntrue\n",
                    server.client().get("/items").text());
            try (KStream stream = server.client().stream("GET", "/early")) {
                assertEquals(404, stream.status(), "the status set before the first chunk");
                assertEquals(List.of("set"), stream.headers().get("x-late"));
                assertEquals(0, stream.readAvailable().length, "an empty chunk sent the headers and nothing else");
                gate.countDown();
                assertEquals("after the gate", stream.readLine(Waiting.DEADLINE));
            }
        }
    }

    @Test
    void liveStreamsStreamWhatIsFedAfterTheyReachTheirFeedingPoint() {
        Responder responder = new Responder(new LiveHub());
        responder.add(Payload.stream(of("Hello!\n"), Payload.LIVE, of("Good bye!\n")));
        responder.feed(of("fed too early\n"), Payload.LIVE);
        try (ReplyServer server = ReplyServer.start(transport, responder);
                KStream stream = server.client().stream("GET", "/")) {
            assertEquals("Hello!", stream.readLine(Waiting.DEADLINE));
            responder.feed(of("Countdown:\n"), Payload.LIVE);
            assertEquals("Countdown:", stream.readLine(Waiting.DEADLINE));
            for (int i = 3; i > 0; i--) {
                responder.feed(i, Payload.LIVE);
                assertEquals(String.valueOf(i), stream.readLine(Waiting.DEADLINE));
            }
            responder.feed(new byte[0]);
            assertEquals("Good bye!", stream.readLine(Waiting.DEADLINE));
            assertNull(stream.readLine(Waiting.DEADLINE), "no new feeding point: the stream ended");
        }
    }

    @Test
    void callableReturningANewIteratorReplaysButTheSameIteratorDepletes() {
        Iterator<Object> shared = List.<Object>of(of("shared once")).iterator();
        Supplier<Object> fresh = () -> List.<Object>of(of("fresh each time; ")).iterator();
        Supplier<Object> same = () -> shared;
        Responder responder = new Responder(new LiveHub());
        responder.add(Payload.stream(fresh, same));
        try (ReplyServer server = ReplyServer.start(transport, responder)) {
            assertEquals(
                    "fresh each time; shared once", server.client().get("/").text());
            assertEquals("fresh each time; ", server.client().get("/").text());
            assertEquals("fresh each time; ", server.client().get("/").text());
        }
    }
}
