package kmock.it.reliability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

import kmock.api.KStream;
import kmock.api.Payload;
import kmock.api.Request;
import kmock.api.Server;
import kmock.handlers.RawHandler;
import kmock.handlers.Reaction;
import kmock.it.transport.BothTransports;
import kmock.it.transport.Deadline;

/**
 * Clients that misbehave — vanish mid-request or mid-stream, send half a body and stall, read slowly — and a server
 * closed under load: other clients are served throughout, nothing leaks, and {@code close()} returns promptly.
 */
@BothTransports
class FaultsTest {

    /** A guard against hangs, far above the time close() takes; the figures record the real time. */
    private static final Duration HANG = Duration.ofSeconds(10);
    /**
     * A thread per task for the test's own waiting: the common pool can have a single worker (two cores, JDK 25),
     * and blocked reads queued on it would hold back the close they wait for.
     */
    private static final Executor THREAD_PER_TASK = task -> {
        Thread thread = new Thread(task, "faults-test-task");
        thread.setDaemon(true);
        thread.start();
    };

    @Parameter
    String transport;

    private RawHandler kmock;
    private Server server;

    // Started by hand, not by KMockExtension: tests close the server themselves and teardown then checks that no
    // KMock thread outlived close(), which must follow the close that the extension would do after it.
    @BeforeEach
    void start() {
        kmock = new RawHandler();
        kmock.on("get /ping").reply("pong");
        server = Server.builder(kmock).transport(transport).start();
    }

    @AfterEach
    void stop() {
        server.close();
        Deadline.await("no KMock threads after close", HANG, () -> Deadline.kmockThreads()
                .isEmpty());
    }

    private void assertHealthy() {
        assertEquals("pong", kmock.get("/ping").json());
    }

    @Test
    void clientsThatVanishMidRequestLeaveTheServerHealthy() {
        kmock.on("post /upload").reply(204);
        int tried = 50;
        for (int i = 0; i < tried; i++) {
            RawHttp client = RawHttp.connect(server.url());
            client.send("POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n" + "a".repeat(i * 10));
            client.drop(i % 2 == 0);
            assertHealthy();
        }
        assertEquals(0, kmock.on("post /upload").size(), "no half request reached a handler");
        Figures.record(
                "faults: clients closing or resetting mid-body",
                transport,
                tried,
                0,
                "server healthy after each; no half request reached a handler");
    }

    @Test
    void aStalledUploadBlocksNoOneAndCloseStillReturns() {
        kmock.on("post /upload").reply(204);
        RawHttp stalled = RawHttp.connect(server.url());
        stalled.send("POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\nhalf");
        for (int i = 0; i < 20; i++) {
            assertHealthy();
        }
        long closing = closeWithin();
        assertEquals(0, kmock.on("post /upload").size());
        stalled.close();
        Figures.record(
                "faults: an upload stalled after 4 of 1000 bytes, then close()",
                transport,
                20,
                0,
                "20 other requests served meanwhile; close() took " + closing + " ms");
    }

    @Test
    void clientsThatVanishMidStreamEndTheirStreamsOnly() {
        Reaction events = kmock.on("get /events").reply(Payload.stream(Map.of("hello", 1), Payload.LIVE));
        int tried = 30;
        try (KStream keeper = kmock.stream("GET", "/events")) {
            assertEquals("{\"hello\":1}", keeper.readLine(HANG));
            for (int i = 0; i < tried; i++) {
                RawHttp client = RawHttp.connect(server.url());
                client.send("GET /events HTTP/1.1\r\nHost: x\r\n\r\n");
                assertEquals(200, client.status());
                client.drop(i % 2 == 0);
                events.feed(Map.of("n", i), Payload.LIVE);
                assertEquals("{\"n\":" + i + "}", keeper.readLine(HANG), "the staying client gets every event");
            }
        }
        assertHealthy();
        Figures.record(
                "faults: stream clients closing or resetting mid-stream while events flow",
                transport,
                tried,
                0,
                "the one staying client received all " + tried + " events");
    }

    @Test
    void aSlowReaderHoldsOnlyItsOwnResponse() throws Exception {
        byte[] big = new byte[8 * 1024 * 1024];
        new Random(7).nextBytes(big);
        kmock.on("get /big").reply(big);
        try (Socket socket = new Socket(server.url().getHost(), server.url().getPort())) {
            socket.setReceiveBufferSize(64 * 1024);
            socket.setSoTimeout((int) HANG.toMillis());
            socket.getOutputStream().write("GET /big HTTP/1.1\r\nHost: x\r\n\r\n".getBytes());
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            byte[] piece = new byte[64 * 1024];
            int served = 0;
            String head = readHead(in);
            assertTrue(head.startsWith("HTTP/1.1 200"), head);
            while (received.size() < big.length) {
                int n = in.read(piece, 0, Math.min(piece.length, big.length - received.size()));
                assertTrue(n > 0, "the body continues");
                received.write(piece, 0, n);
                if (served < 100) {
                    assertHealthy();
                    served++;
                }
            }
            assertArrayEquals(big, received.toByteArray());
            Figures.record(
                    "faults: a reader taking 8 MiB in pieces between other requests",
                    transport,
                    served,
                    0,
                    "body intact; " + served + " other requests served while it was half read");
        }
    }

    @Test
    void closeEndsBlockedRequestsAndOpenStreamsPromptly() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        kmock.on("get /blocked").reply((Function<Request, Object>) request -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "late";
        });
        kmock.on("get /events").reply(Payload.stream(Map.of("hello", 1), Payload.LIVE));
        int blocked = 8;
        int streams = 8;
        List<CompletableFuture<Integer>> waiting = new java.util.ArrayList<>();
        for (int i = 0; i < blocked; i++) {
            RawHttp client = RawHttp.connect(server.url());
            client.send("GET /blocked HTTP/1.1\r\nHost: x\r\n\r\n");
            waiting.add(CompletableFuture.supplyAsync(client::status, THREAD_PER_TASK));
        }
        List<KStream> open = new java.util.ArrayList<>();
        for (int i = 0; i < streams; i++) {
            KStream stream = kmock.stream("GET", "/events");
            assertNotNull(stream.readLine(HANG));
            open.add(stream);
        }
        Deadline.await(
                "the blocked requests reach the handler",
                HANG,
                () -> kmock.on("get /blocked").size() == blocked);
        long closing = closeWithin();
        for (CompletableFuture<Integer> client : waiting) {
            client.get(HANG.toMillis(), TimeUnit.MILLISECONDS);
        }
        for (KStream stream : open) {
            Deadline.await("the stream ends", HANG, stream::isFinished);
            stream.close();
        }
        Figures.record(
                "faults: close() with " + blocked + " requests blocked in the handler and " + streams + " open streams",
                transport,
                blocked + streams,
                0,
                "close() took " + closing + " ms; every client " + "saw its connection end; no KMock thread left");
    }

    /** Closes the server on another thread, failing if it hangs; the time it took, in milliseconds. */
    private long closeWithin() {
        long start = System.nanoTime();
        CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close, THREAD_PER_TASK);
        try {
            closing.get(HANG.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("close() did not return within " + HANG, e);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static String readHead(InputStream in) throws java.io.IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b == -1) {
                break;
            }
            head.append((char) b);
        }
        return head.toString();
    }
}
