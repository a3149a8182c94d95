package kmock.it.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

import kmock.api.Handler;
import kmock.api.KStream;
import kmock.api.Response;
import kmock.api.Server;
import kmock.spi.Transport;

/** Starting, sharing and closing servers. */
@BothTransports
class LifecycleContractTest {

    // Servers started by hand, not by KMockExtension: starting, sharing and closing them is what is under test.
    @Parameter
    String transport;

    @Test
    void closingWithOpenStreamsEndsThemAndLeavesNoThreads() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        Server server = Server.builder(request -> Response.builder().stream(out -> {
                            out.write("open\n");
                            never.await();
                        })
                        .build())
                .transport(transport)
                .start();
        List<KStream> streams = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            KStream stream = server.client().stream("GET", "/");
            assertEquals("open", stream.readLine(Duration.ofSeconds(10)));
            streams.add(stream);
        }
        server.close();
        for (KStream stream : streams) {
            Deadline.await("the stream ends after close", Duration.ofSeconds(10), stream::isFinished);
            stream.close();
        }
        Deadline.await(
                "no kmock threads remain: " + Deadline.kmockThreads(),
                Duration.ofSeconds(10),
                () -> Deadline.kmockThreads().isEmpty());
    }

    @Test
    void theEmbeddedClientStartsOnFirstUseOnlyAndIsClosedWithTheServer() {
        AtomicInteger made = new AtomicInteger();
        Server server = Server.builder(request -> Response.of(204))
                .transport(transport)
                .clientFactory(options -> {
                    made.incrementAndGet();
                    return transportNamed(transport).client(options);
                })
                .start();
        assertEquals(0, made.get(), "a server that only others call starts no client");
        assertEquals(204, server.client().get("/").status());
        assertEquals(204, server.client().get("/").status());
        assertEquals(1, made.get(), "one client, made on first use");
        server.close();
        Deadline.await(
                "no kmock threads remain: " + Deadline.kmockThreads(),
                Duration.ofSeconds(10),
                () -> Deadline.kmockThreads().isEmpty());
    }

    private static Transport transportNamed(String name) {
        return ServiceLoader.load(Transport.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(transport -> transport.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void askingAClosedServerForItsFirstClientIsAClearError() {
        Server server =
                Server.builder(request -> Response.of(204)).transport(transport).start();
        server.close();
        IllegalStateException error = assertThrows(IllegalStateException.class, server::client);
        assertTrue(error.getMessage().contains("closed"), error.getMessage());
    }

    @Test
    void twoServersShareOneHandler() {
        List<Server> attached = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public Response handle(kmock.api.Request request) {
                return Response.of(200, String.valueOf(request.url().getPort()).getBytes());
            }

            @Override
            public void attach(Server server) {
                attached.add(server);
            }

            @Override
            public void detach(Server server) {
                attached.remove(server);
            }
        };
        try (Server one = Server.builder(handler).transport(transport).start();
                Server two = Server.builder(handler).transport(transport).start()) {
            assertEquals(List.of(one, two), attached);
            assertEquals(String.valueOf(one.port()), one.client().get("/").text());
            assertEquals(String.valueOf(two.port()), two.client().get("/").text());
        }
        assertTrue(attached.isEmpty(), "closing detaches");
    }

    @Test
    void manyServersRunInParallel() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String name = "server-" + i;
                answers.add(pool.submit(() -> {
                    try (Server server = Server.builder(request -> Response.of(200, name.getBytes()))
                            .transport(transport)
                            .start()) {
                        return server.client().get("/").text();
                    }
                }));
            }
            for (int i = 0; i < 8; i++) {
                assertEquals("server-" + i, answers.get(i).get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aPortInUseFailsWithAClearMessage() {
        try (Server first =
                Server.builder(request -> Response.of(200)).transport(transport).start()) {
            UncheckedIOException failure =
                    assertThrows(UncheckedIOException.class, () -> Server.builder(request -> Response.of(200))
                            .transport(transport)
                            .port(first.port())
                            .start());
            assertTrue(failure.getMessage().contains(":" + first.port()), failure.getMessage());
            assertTrue(failure.getMessage().contains("port 0"), failure.getMessage());
        }
    }

    @Test
    void theServerReportsItsTransportAndUrl() {
        try (Server server =
                Server.builder(request -> Response.of(200)).transport(transport).start()) {
            assertEquals(transport, server.transport());
            assertEquals("http://127.0.0.1:" + server.port() + "/", server.url().toString());
        }
    }
}
