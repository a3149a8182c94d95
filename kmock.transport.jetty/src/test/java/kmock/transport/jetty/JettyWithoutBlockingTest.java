package kmock.transport.jetty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import kmock.api.Handler;
import kmock.api.Request;
import kmock.api.Response;
import kmock.api.Server;

/** Jetty answers a reply known at once on its I/O thread, and hands everything else to a thread that may block. */
class JettyWithoutBlockingTest {

    /** A handler that answers at once for {@code /quick} and declines anything else, recording its calls. */
    private static final class TwoSpeeds implements Handler {
        final List<String> quickThreads = new CopyOnWriteArrayList<>();
        final List<String> slowThreads = new CopyOnWriteArrayList<>();
        final AtomicInteger handled = new AtomicInteger();

        @Override
        public Response handleWithoutBlocking(Request request) {
            quickThreads.add(Thread.currentThread().getName());
            return request.path().equals("/quick") ? Response.of(200, "quick".getBytes(StandardCharsets.UTF_8)) : null;
        }

        @Override
        public Response handle(Request request) {
            slowThreads.add(Thread.currentThread().getName());
            handled.incrementAndGet();
            return Response.of(200, ("slow " + request.text()).getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void aReplyKnownAtOnceNeverReachesHandle() {
        TwoSpeeds handler = new TwoSpeeds();
        try (Server server = Server.builder(handler).transport("jetty").start()) {
            assertEquals("quick", server.client().get("/quick").text());
            assertEquals(0, handler.handled.get());
        }
    }

    @Test
    void aDeclinedRequestIsHandledOnceOnAnotherThread() {
        TwoSpeeds handler = new TwoSpeeds();
        try (Server server = Server.builder(handler).transport("jetty").start()) {
            assertEquals("slow ", server.client().get("/slow").text());
            assertEquals(1, handler.handled.get());
            assertNotEquals(handler.quickThreads.get(0), handler.slowThreads.get(0));
        }
    }

    @Test
    void aRequestWithABodyIsReadOnAThreadThatMayBlock() {
        TwoSpeeds handler = new TwoSpeeds();
        try (Server server = Server.builder(handler).transport("jetty").start()) {
            assertEquals(
                    "slow body",
                    server.client()
                            .post("/quick", "body".getBytes(StandardCharsets.UTF_8))
                            .text());
            assertEquals(List.of(), handler.quickThreads);
        }
    }

    @Test
    void aFailureWhileAnsweringAtOnceIsA500() {
        Handler failing = new Handler() {
            @Override
            public Response handleWithoutBlocking(Request request) {
                throw new IllegalStateException("broken");
            }

            @Override
            public Response handle(Request request) {
                return Response.of(200);
            }
        };
        try (Server server = Server.builder(failing).transport("jetty").start()) {
            assertEquals(
                    500, server.client().request("GET", "/x", null, Map.of()).status());
        }
    }
}
