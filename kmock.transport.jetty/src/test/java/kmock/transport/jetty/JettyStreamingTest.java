package kmock.transport.jetty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import kmock.api.Handler;
import kmock.api.KResponse;
import kmock.api.KStream;
import kmock.api.Response;
import kmock.api.Server;

class JettyStreamingTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private static Server start(Handler handler) {
        return Server.builder(handler)
                .transport("jetty")
                .clientOptions(o -> o.withTimeout(WAIT))
                .start();
    }

    private static Response streaming(Response.StreamingBody body) {
        return Response.builder().header("Content-Type", "text/plain").stream(body)
                .build();
    }

    @Test
    void firstChunkArrivesWhileProducerIsBlocked() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (Server server = start(request -> streaming(out -> {
                    out.write("first\n");
                    release.await(WAIT.toSeconds(), TimeUnit.SECONDS);
                    out.write("second\n");
                }));
                KStream stream = server.client().stream("GET", "/watch")) {
            assertEquals(200, stream.status());
            assertEquals("first", stream.readLine(WAIT));
            assertEquals(1, release.getCount()); // the producer is still blocked
            release.countDown();
            assertEquals("second", stream.readLine(WAIT));
            assertNull(stream.readLine(WAIT));
            assertTrue(stream.isFinished());
        }
    }

    @Test
    void emptyChunkSendsStatusAndHeadersAtOnce() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (Server server = start(request -> streaming(out -> {
            out.status(202, null);
            out.header("X-Early", "yes");
            out.write(new byte[0]);
            release.await(WAIT.toSeconds(), TimeUnit.SECONDS);
        }))) {
            // stream() returns only once the headers arrived, while the producer still waits
            try (KStream stream = server.client().stream("GET", "/")) {
                assertEquals(202, stream.status());
                assertEquals(List.of("yes"), stream.headers().get("x-early"));
                assertEquals(1, release.getCount());
            } finally {
                release.countDown();
            }
        }
    }

    @Test
    void statusAndHeadersCannotChangeOnceCommitted() {
        CompletableFuture<Throwable> headerAfterCommit = new CompletableFuture<>();
        CompletableFuture<Throwable> statusAfterCommit = new CompletableFuture<>();
        try (Server server = start(request -> streaming(out -> {
            out.write("a");
            assertTrue(out.committed());
            try {
                out.header("X-Late", "1");
            } catch (RuntimeException e) {
                headerAfterCommit.complete(e);
            }
            try {
                out.status(500, null);
            } catch (RuntimeException e) {
                statusAfterCommit.complete(e);
            }
            out.write("b");
        }))) {
            KResponse response = server.client().get("/");
            assertEquals(200, response.status());
            assertEquals("ab", response.text());
            assertNull(response.header("X-Late"));
            assertInstanceOf(IllegalStateException.class, headerAfterCommit.getNow(null));
            assertInstanceOf(IllegalStateException.class, statusAfterCommit.getNow(null));
        }
    }

    @Test
    void headOfAStreamingReplySendsTheHeadersOnly() {
        try (Server server = start(request -> streaming(out -> {
            out.header("X-Stream", "1");
            out.write("not for HEAD\n");
        }))) {
            KResponse response = server.client().head("/");
            assertEquals(200, response.status());
            assertEquals("1", response.header("X-Stream"));
            assertEquals(0, response.body().length);
            assertEquals(200, server.client().get("/").status()); // the connection is still usable
        }
    }

    @Test
    void producerThatEndsWithoutWritingSendsAnEmptyBody() {
        try (Server server = start(request -> streaming(out -> out.header("X-Nothing", "1")))) {
            KResponse response = server.client().get("/");
            assertEquals(200, response.status());
            assertEquals("1", response.header("X-Nothing"));
            assertEquals("", response.text());
        }
    }

    @Test
    void producerFailureBeforeTheFirstChunkIsAnswered500() {
        try (Server server = start(request -> streaming(out -> {
            out.header("X-Partial", "1");
            throw new IllegalArgumentException("no items");
        }))) {
            KResponse response = server.client().get("/");
            assertEquals(500, response.status());
            assertNull(response.header("X-Partial"));
            assertTrue(response.text().contains("IllegalArgumentException: no items"), response.text());
        }
    }

    @Test
    void clientDisconnectFailsTheProducersWrite() throws Exception {
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        CountDownLatch ended = new CountDownLatch(1);
        try (Server server = start(request -> streaming(out -> {
            try {
                while (true) {
                    out.write("tick\n");
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
                }
            } catch (IOException e) {
                failure.complete(e);
            } finally {
                ended.countDown();
            }
        }))) {
            KStream stream = server.client().stream("GET", "/ticks");
            assertEquals("tick", stream.readLine(WAIT));
            stream.close();
            assertTrue(ended.await(WAIT.toSeconds(), TimeUnit.SECONDS), "the producer still runs after the disconnect");
            assertInstanceOf(IOException.class, failure.getNow(null));
        }
    }

    @Test
    void closeEndsOpenStreamsAndLeavesNoThreads() throws Exception {
        int streams = 3;
        CountDownLatch started = new CountDownLatch(streams + 1);
        CountDownLatch ended = new CountDownLatch(streams + 1);
        Server server = start(request -> streaming(out -> {
            try {
                out.write("open\n");
                started.countDown();
                if (request.path().equals("/writing")) {
                    while (true) { // ends by a failed write once the connection is closed
                        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
                        out.write(".");
                    }
                }
                new CountDownLatch(1).await(); // a live stream that is never fed: only an interrupt ends it
            } finally {
                ended.countDown();
            }
        }));
        List<KStream> open = new ArrayList<>();
        Socket raw = new Socket("127.0.0.1", server.port());
        try {
            for (int i = 0; i < streams; i++) {
                open.add(server.client().stream("GET", "/idle"));
            }
            OutputStream request = raw.getOutputStream();
            request.write("GET /writing HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            request.flush();
            assertTrue(started.await(WAIT.toSeconds(), TimeUnit.SECONDS));

            assertTimeoutPreemptively(WAIT, server::close);

            assertTrue(ended.await(WAIT.toSeconds(), TimeUnit.SECONDS), "producers still run after close");
            raw.setSoTimeout((int) WAIT.toMillis());
            InputStream response = raw.getInputStream();
            String received = RawHttp.readAll(response); // returns at end of stream: the server closed the connection
            assertTrue(received.startsWith("HTTP/1.1 200"), received);
            awaitNoThreads("kmock-");
        } finally {
            raw.close();
            open.forEach(KStream::close);
            server.close();
        }
    }

    static void awaitNoThreads(String prefix) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<String> alive;
        do {
            alive = Thread.getAllStackTraces().keySet().stream()
                    .filter(Thread::isAlive)
                    .map(Thread::getName)
                    .filter(name -> name.startsWith(prefix))
                    .sorted()
                    .collect(Collectors.toList());
            if (alive.isEmpty()) {
                return;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        } while (System.nanoTime() < deadline);
        throw new AssertionError("Threads still alive after close: " + alive);
    }

    @Test
    void hundredsOfBlockedStreamsDoNotStallOtherRequests() throws Exception {
        int streams = 200;
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch blocked = new CountDownLatch(streams);
        try (Server server = start(request -> request.path().equals("/plain")
                ? Response.of(200, "ok".getBytes(StandardCharsets.UTF_8))
                : streaming(out -> {
                    out.write("open\n");
                    blocked.countDown();
                    release.await(WAIT.toSeconds() * 3, TimeUnit.SECONDS);
                }))) {
            List<KStream> open = new ArrayList<>();
            try {
                for (int i = 0; i < streams; i++) {
                    open.add(server.client().stream("GET", "/watch/" + i));
                }
                assertTrue(
                        blocked.await(WAIT.toSeconds(), TimeUnit.SECONDS),
                        blocked.getCount() + " streams did not start");
                assertEquals("ok", server.client().get("/plain").text());
            } finally {
                release.countDown();
                open.forEach(KStream::close);
            }
        }
    }
}
