package kmock.transport.jdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import kmock.api.Handler;
import kmock.api.KResponse;
import kmock.api.KStream;
import kmock.api.Request;
import kmock.api.Response;
import kmock.api.Server;

/** The JDK transport on its own: the server on com.sun.net.httpserver and the client on java.net.http. */
class JdkTransportTest {

    private static Server start(Handler handler) {
        return Server.builder(handler).start();
    }

    @Test
    void theJdkTransportServesWhenItIsTheOnlyOnePresent() {
        try (Server server = start(request -> Response.of(204))) {
            assertEquals("jdk", server.transport());
            assertEquals(204, server.client().get("/").status());
        }
    }

    @Test
    void startingAServerTurnsNaglesAlgorithmOffForTheJdkServerAsTheReadmeSays() {
        try (Server server = start(request -> Response.of(204))) {
            assertEquals("jdk", server.transport());
            assertEquals("true", System.getProperty("sun.net.httpserver.nodelay"));
        }
    }

    @Test
    void statusMultiValuedHeadersAndBodyReachTheClient() {
        Handler handler = request -> Response.builder()
                .status(201)
                .header("X-Multi", "a")
                .header("X-Multi", "b")
                .body("created")
                .build();
        try (Server server = start(handler)) {
            KResponse response = server.client().get("/things");
            assertEquals(201, response.status());
            assertEquals("Created", response.reason());
            assertEquals(List.of("a", "b"), response.headers().get("x-multi"));
            assertEquals("created", response.text());
        }
    }

    @Test
    void methodQueryHeadersAndBodyReachTheHandler() {
        AtomicReference<Request> seen = new AtomicReference<>();
        try (Server server = start(request -> {
            seen.set(request);
            return Response.of(200);
        })) {
            server.client().post("/items?a=1&a=2", "hello".getBytes(StandardCharsets.UTF_8), Map.of("X-Trace", "t1"));
            Request request = seen.get();
            assertEquals("POST", request.method());
            assertEquals("/items", request.path());
            assertEquals(List.of("1", "2"), request.query().get("a"));
            assertEquals("t1", request.header("x-trace"));
            assertEquals("hello", request.text());
        }
    }

    @Test
    void anInterceptedHostReachesTheServerWithItsNameInTheUrl() {
        AtomicReference<Request> seen = new AtomicReference<>();
        try (Server server = Server.builder(request -> {
                    seen.set(request);
                    return Response.of(200, "local".getBytes(StandardCharsets.UTF_8));
                })
                .hostnames("api.example.invalid")
                .start()) {
            assertEquals(
                    "local",
                    server.client().get("http://api.example.invalid/v1").text());
            assertEquals("api.example.invalid", seen.get().url().getHost());
            assertEquals("/v1", seen.get().path());
        }
    }

    @Test
    void headIsAnsweredWithTheStatusButNoBody() {
        try (Server server = start(request -> Response.of(200, new byte[123]))) {
            KResponse response = server.client().head("/");
            assertEquals(200, response.status());
            assertEquals(0, response.body().length);
        }
    }

    @Test
    void aBodyOverTheLimitIsAnswered413WithoutCallingTheHandler() {
        CountDownLatch called = new CountDownLatch(1);
        try (Server server = Server.builder(request -> {
                    called.countDown();
                    return Response.of(200);
                })
                .maxBodySize(1024)
                .start()) {
            assertEquals(413, server.client().post("/", new byte[2048]).status());
            assertEquals(1, called.getCount());
        }
    }

    @Test
    void streamedChunksArriveWhileTheProducerStillRuns() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Handler handler = request -> Response.builder().stream(out -> {
                    out.write("first\n");
                    assertTrue(release.await(10, TimeUnit.SECONDS), "the test read the first chunk");
                    out.write("second\n");
                })
                .build();
        try (Server server = start(handler);
                KStream stream = server.client().stream("GET", "/")) {
            assertEquals("first", stream.readLine(Duration.ofSeconds(10)));
            release.countDown();
            assertEquals("second", stream.readLine(Duration.ofSeconds(10)));
        }
    }

    @Test
    void theEmbeddedClientUnwrapsToTheJdksHttpClientOnHttp11() {
        try (Server server = start(request -> Response.of(204))) {
            assertEquals(
                    HttpClient.Version.HTTP_1_1,
                    server.client().unwrap(HttpClient.class).version());
        }
    }
}
