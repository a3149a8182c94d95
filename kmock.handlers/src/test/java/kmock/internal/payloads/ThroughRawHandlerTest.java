package kmock.internal.payloads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;

import kmock.api.KStream;
import kmock.api.Payload;
import kmock.api.Request;
import kmock.handlers.BothTransports;
import kmock.handlers.RawHandler;
import kmock.handlers.Reaction;
import kmock.handlers.Served;

/** Replies, streams, feeds and sinks as a user declares them on a {@code RawHandler}. */
@BothTransports
class ThroughRawHandlerTest {

    @Parameter
    String transport;

    @RegisterExtension
    final Served served = new Served();

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void depletedStreamRetiresItsReactionAndTheNextOneServes() {
        RawHandler kmock = served.serve(new RawHandler(), transport);
        kmock.on("get /").reply(List.of(bytes("first")).iterator());
        kmock.on("get /").reply(201, Map.of("X-Next", "yes"), Payload.text("second"));
        assertEquals("first", kmock.get("/").text());
        var next = kmock.get("/");
        assertEquals(201, next.status());
        assertEquals("yes", next.header("X-Next"));
        assertEquals("second", next.text());
        assertTrue(kmock.errors().isEmpty(), kmock.errors().toString());
    }

    @Test
    void reactionFeedAndHandlerLiveFeedReachTheWaitingStream() {
        RawHandler kmock = served.serve(new RawHandler(), transport);
        Reaction watch = kmock.on("/watch").reply(Payload.stream(bytes("open\n"), Payload.LIVE, bytes("closed\n")));
        try (KStream stream = kmock.stream("GET", "/watch")) {
            assertEquals("open", stream.readLine(Waiting.DEADLINE));
            kmock.live().feed(Map.of("type", "ADDED"), Payload.LIVE);
            assertEquals("{\"type\":\"ADDED\"}", stream.readLine(Waiting.DEADLINE));
            watch.feed(Map.of("type", "DELETED"));
            assertEquals("{\"type\":\"DELETED\"}", stream.readLine(Waiting.DEADLINE));
            assertEquals("closed", stream.readLine(Waiting.DEADLINE));
            assertNull(stream.readLine(Waiting.DEADLINE));
        }
    }

    @Test
    void sinksSeeTheRequestAndTheFailingPayloadIsAnsweredAndRecorded() {
        List<Request> seen = new CopyOnWriteArrayList<>();
        IllegalStateException boom = new IllegalStateException("boom");
        RawHandler kmock = served.serve(new RawHandler(), transport);
        kmock.on("post /items").sink(seen).reply(201, Map.of("Location", "/items/1"), new byte[0]);
        kmock.on("/broken").reply(boom);
        var created = kmock.post("/items", Map.of("name", "a"));
        assertEquals(201, created.status());
        assertEquals("/items/1", created.header("Location"));
        assertEquals(Map.of("name", "a"), seen.get(0).data());
        assertEquals(500, kmock.get("/broken").status());
        assertEquals(List.of(boom), kmock.errors());
    }
}
