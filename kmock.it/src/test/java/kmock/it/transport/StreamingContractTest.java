package kmock.it.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

import kmock.api.KStream;
import kmock.api.Response;
import kmock.api.Server;

/** Chunked streaming: chunks flushed at once, late headers, disconnects, many open streams. */
@TransportsAndSchemes
class StreamingContractTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    // Servers started by hand, not by KMockExtension: HTTPS (half of the matrix) and handler lambdas are
    // Server.Builder settings the extension does not offer.
    @Parameter(0)
    String transport;

    @Parameter(1)
    String scheme;

    private Server.Builder on(Server.Builder builder) {
        return TransportsAndSchemes.Matrix.on(builder, transport, scheme);
    }

    @Test
    void firstChunkArrivesWhileTheProducerIsStillBlocked() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Response streaming = Response.builder().stream(out -> {
                    out.write("first\n");
                    release.await(30, TimeUnit.SECONDS);
                    out.write("second\n");
                })
                .build();
        try (Server server = on(Server.builder(request -> streaming)).start();
                KStream stream = server.client().stream("GET", "/")) {
            assertEquals(200, stream.status());
            assertEquals("first", stream.readLine(WAIT));
            release.countDown();
            assertEquals("second", stream.readLine(WAIT));
            assertNull(stream.readLine(WAIT), "the stream ends after the producer returns");
            assertTrue(stream.isFinished());
        }
    }

    @Test
    void emptyChunkSendsTheHeadersAtOnce() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Response streaming = Response.builder().stream(out -> {
                    out.write(new byte[0]);
                    release.await(30, TimeUnit.SECONDS);
                })
                .build();
        try (Server server = on(Server.builder(request -> streaming)).start();
                KStream stream = server.client().stream("GET", "/")) {
            assertEquals(200, stream.status(), "the stream opened while the producer still waits");
            assertEquals(0, stream.readAvailable().length);
            release.countDown();
        }
    }

    @Test
    void statusAndHeadersCanChangeUntilTheFirstChunk() throws Exception {
        Response streaming = Response.builder().stream(out -> {
                    out.status(202, null);
                    out.header("X-Late", "yes");
                    out.write("{\"a\":1}\n");
                    try {
                        out.header("X-Too-Late", "no");
                        out.write("not refused\n");
                    } catch (IllegalStateException expected) {
                        out.write("refused\n");
                    }
                })
                .build();
        try (Server server = on(Server.builder(request -> streaming)).start();
                KStream stream = server.client().stream("GET", "/")) {
            assertEquals(202, stream.status());
            assertEquals(List.of("yes"), stream.headers().get("x-late"));
            assertEquals("{\"a\":1}", stream.readLine(WAIT));
            assertEquals("refused", stream.readLine(WAIT));
        }
    }

    @Test
    void clientDisconnectEndsTheProducer() throws Exception {
        CountDownLatch failed = new CountDownLatch(1);
        Response streaming = Response.builder().stream(out -> {
                    try {
                        while (true) {
                            out.write("tick\n");
                            LockSupport.parkNanos(1_000_000);
                            if (Thread.interrupted()) {
                                throw new InterruptedException();
                            }
                        }
                    } catch (IOException | InterruptedException ended) {
                        failed.countDown();
                    }
                })
                .build();
        try (Server server = on(Server.builder(request -> streaming)).start()) {
            KStream stream = server.client().stream("GET", "/");
            assertEquals("tick", stream.readLine(WAIT));
            stream.close();
            assertTrue(
                    failed.await(10, TimeUnit.SECONDS), "the producer's writes kept succeeding after the disconnect");
        }
    }

    @Test
    void twoHundredOpenStreamsDoNotStallOtherRequests() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (Server server = on(Server.builder(request -> request.path().equals("/stream")
                        ? Response.builder().stream(out -> {
                                    out.write("open\n");
                                    release.await(60, TimeUnit.SECONDS);
                                })
                                .build()
                        : Response.of(200, "plain".getBytes())))
                .start()) {
            List<KStream> streams = new ArrayList<>();
            try {
                for (int i = 0; i < 200; i++) {
                    KStream stream = server.client().stream("GET", "/stream");
                    streams.add(stream);
                    assertEquals("open", stream.readLine(WAIT), "stream " + i);
                }
                for (int i = 0; i < 20; i++) {
                    assertEquals("plain", server.client().get("/plain").text());
                }
            } finally {
                release.countDown();
                streams.forEach(KStream::close);
            }
        }
    }
}
