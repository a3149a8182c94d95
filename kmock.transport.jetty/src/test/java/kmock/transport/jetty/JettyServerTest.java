package kmock.transport.jetty;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;

import kmock.api.Handler;
import kmock.api.KResponse;
import kmock.api.Request;
import kmock.api.Response;
import kmock.api.Server;
import kmock.spi.Transport;

class JettyServerTest {

    private static Server start(Handler handler) {
        return Server.builder(handler).transport("jetty").start();
    }

    @Test
    void jettyIsTheTransportWhenNoneIsNamed() {
        try (Server server = Server.builder(request -> Response.of(204)).start()) {
            assertEquals("jetty", server.transport());
        }
    }

    @Test
    void statusReasonMultiValuedHeadersAndBodyReachTheClient() {
        Handler handler = request -> Response.builder()
                .status(201)
                .header("X-Multi", "a")
                .header("X-Multi", "b")
                .header("Content-Type", "text/plain")
                .body("created")
                .build();
        try (Server server = start(handler)) {
            KResponse response = server.client().get("/things");
            assertEquals(201, response.status());
            assertEquals("Created", response.reason());
            assertEquals(List.of("a", "b"), response.headers().get("x-multi"));
            assertEquals("text/plain", response.header("Content-Type"));
            assertEquals("created", response.text());
        }
    }

    @Test
    void methodUrlQueryAndHeadersReachTheHandler() {
        AtomicReference<Request> seen = new AtomicReference<>();
        try (Server server = start(request -> {
            seen.set(request);
            return Response.of(200);
        })) {
            server.client().request("PATCH", "/api/v1/pods?q=1&q=2", Map.of("a", 1), Map.of("X-Custom", "yes"));
            Request request = seen.get();
            assertEquals("PATCH", request.method());
            assertEquals(URI.create("http://127.0.0.1:" + server.port() + "/api/v1/pods?q=1&q=2"), request.url());
            assertEquals(List.of("1", "2"), request.query().get("q"));
            assertEquals("yes", request.header("x-custom"));
            assertEquals("application/json", request.header("Content-Type"));
            assertEquals(Map.of("a", 1L), normalise(request.data()));
        }
    }

    private static Object normalise(Object data) {
        // the built-in JSON codec may give Integer or Long for small numbers
        if (data instanceof Map<?, ?> map && map.get("a") instanceof Number number) {
            return Map.of("a", number.longValue());
        }
        return data;
    }

    @Test
    void cookiesGoBothWays() {
        try (Server server = start(request -> Response.builder()
                .header("Set-Cookie", "seen=" + request.cookies().get("a") + "; Path=/")
                .header("Set-Cookie", "other=x")
                .build())) {
            KResponse response = server.client().get("/", Map.of("Cookie", "a=1; b=2"));
            assertEquals(Map.of("seen", "1", "other", "x"), response.cookies());
        }
    }

    @Test
    void clientSendsNoAcceptEncodingAndKeepsEncodedBodiesAsSent() throws IOException {
        java.io.ByteArrayOutputStream gzipped = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(gzipped)) {
            gzip.write("compressed".getBytes(StandardCharsets.UTF_8));
        }
        AtomicReference<Request> seen = new AtomicReference<>();
        try (Server server = start(request -> {
            seen.set(request);
            return Response.builder()
                    .header("Content-Encoding", "gzip")
                    .body(gzipped.toByteArray())
                    .build();
        })) {
            KResponse response = server.client().get("/");
            assertNull(seen.get().header("Accept-Encoding"));
            assertEquals("gzip", response.header("Content-Encoding"));
            assertArrayEquals(gzipped.toByteArray(), response.body());
        }
    }

    @Test
    void clientDoesNotKeepCookiesBetweenRequests() {
        AtomicReference<Request> seen = new AtomicReference<>();
        try (Server server = start(request -> {
            seen.set(request);
            return Response.builder().header("Set-Cookie", "session=1; Path=/").build();
        })) {
            server.client().get("/login");
            server.client().get("/next");
            assertEquals(Map.of(), seen.get().cookies());
        }
    }

    @Test
    void tenMegabyteBodiesGoBothWays() {
        byte[] body = new byte[10 * 1024 * 1024];
        new Random(42).nextBytes(body);
        try (Server server = start(request -> Response.of(200, request.body()))) {
            KResponse response = server.client().post("/echo", body);
            assertEquals(200, response.status());
            assertArrayEquals(body, response.body());
        }
    }

    @Test
    void headIsAnsweredWithTheLengthButNoBody() {
        try (Server server = start(request -> Response.of(200, "hello".getBytes(StandardCharsets.UTF_8)))) {
            KResponse response = server.client().head("/");
            assertEquals(200, response.status());
            assertEquals("5", response.header("Content-Length"));
            assertEquals(0, response.body().length);
        }
    }

    @Test
    void unusualStatusesPassThrough() {
        try (Server server =
                start(request -> Response.of(Integer.parseInt(request.path().substring(1)), new byte[] {'x'}))) {
            for (int status : new int[] {299, 418, 444, 599, 999}) {
                KResponse response = server.client().get("/" + status);
                assertEquals(status, response.status());
                assertEquals("x", response.text());
            }
        }
    }

    @Test
    void noContentIsAnsweredWithoutBody() {
        try (Server server = start(
                request -> Response.builder().status(204).header("X-Done", "1").build())) {
            KResponse response = server.client().delete("/thing");
            assertEquals(204, response.status());
            assertEquals("1", response.header("X-Done"));
            assertEquals(0, response.body().length);
            assertNull(response.header("Content-Length"));
        }
    }

    @Test
    void bodyOverTheLimitIsAnswered413WithoutCallingTheHandler() {
        AtomicInteger calls = new AtomicInteger();
        try (Server server = Server.builder(request -> {
                    calls.incrementAndGet();
                    return Response.of(200);
                })
                .transport("jetty")
                .maxBodySize(1024)
                .start()) {
            assertEquals(413, server.client().post("/", new byte[2048]).status());
            assertEquals(200, server.client().post("/", new byte[1024]).status());
            assertEquals(1, calls.get());
        }
    }

    @Test
    void largeBodyOverTheLimitIsAnswered413WhileTheClientStillSends() {
        AtomicInteger calls = new AtomicInteger();
        try (Server server = Server.builder(request -> {
                    calls.incrementAndGet();
                    return Response.of(200);
                })
                .transport("jetty")
                .maxBodySize(1024 * 1024)
                .start()) {
            assertEquals(
                    413, server.client().post("/", new byte[32 * 1024 * 1024]).status());
            assertEquals(0, calls.get());
            assertEquals(200, server.client().get("/").status());
        }
    }

    @Test
    void chunkedBodyOverTheLimitIsAnswered413WithoutCallingTheHandler() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        try (Server server = Server.builder(request -> {
                    calls.incrementAndGet();
                    return Response.of(200);
                })
                .transport("jetty")
                .maxBodySize(10)
                .start()) {
            String response = RawHttp.exchange(
                    server.port(),
                    "POST / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                            + "Transfer-Encoding: chunked\r\n\r\n8\r\n12345678\r\n8\r\n12345678\r\n0\r\n\r\n");
            assertEquals(413, RawHttp.status(response));
            assertEquals(0, calls.get());
        }
    }

    @Test
    void chunkedBodyWithoutContentTypeIsReadWhole() throws IOException {
        AtomicReference<Request> seen = new AtomicReference<>();
        try (Server server = start(request -> {
            seen.set(request);
            return Response.of(200, request.body());
        })) {
            String response = RawHttp.exchange(
                    server.port(),
                    "POST /upload HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                            + "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n");
            assertEquals(200, RawHttp.status(response));
            assertEquals("hello world", seen.get().text());
            assertNull(seen.get().header("Content-Type"));
        }
    }

    @Test
    void bodyWithLengthButWithoutContentTypeIsRead() throws IOException {
        AtomicReference<Request> seen = new AtomicReference<>();
        try (Server server = start(request -> {
            seen.set(request);
            return Response.of(204);
        })) {
            String response = RawHttp.exchange(
                    server.port(),
                    "PUT /x HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 4\r\n\r\n",
                    "data".getBytes(StandardCharsets.US_ASCII));
            assertEquals(204, RawHttp.status(response));
            assertEquals("data", seen.get().text());
        }
    }

    @Test
    void badPercentEncodingIsAnswered400WithoutCallingTheHandler() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        try (Server server = start(request -> {
            calls.incrementAndGet();
            return Response.of(200);
        })) {
            String inQuery =
                    RawHttp.exchange(server.port(), "GET /x?a=%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            String inPath =
                    RawHttp.exchange(server.port(), "GET /%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            String badHost =
                    RawHttp.exchange(server.port(), "GET /x HTTP/1.1\r\nHost: a_b^c\r\nConnection: close\r\n\r\n");
            assertEquals(400, RawHttp.status(inQuery));
            assertEquals(400, RawHttp.status(inPath));
            assertEquals(400, RawHttp.status(badHost));
            assertEquals(0, calls.get());
        }
    }

    @Test
    void unescapedBracketsAndPipesInTheQueryAreAccepted() throws IOException {
        AtomicReference<Request> seen = new AtomicReference<>();
        try (Server server = start(request -> {
            seen.set(request);
            return Response.of(200);
        })) {
            String response = RawHttp.exchange(
                    server.port(), "GET /x?a=[1]|{2} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            assertEquals(200, RawHttp.status(response));
            assertEquals("[1]|{2}", seen.get().params().get("a"));
        }
    }

    @Test
    void encodedSlashesAndColonsInPathAndQueryAreAccepted() {
        AtomicReference<Request> seen = new AtomicReference<>();
        try (Server server = start(request -> {
            seen.set(request);
            return Response.of(200);
        })) {
            KResponse response = server.client()
                    .get(
                            "/api/v1/namespaces/default/pods/a%2Fb%3Ac?fieldSelector=metadata.name%3Dx&labelSelector=app%2Fname%3Aweb");
            assertEquals(200, response.status());
            Request request = seen.get();
            assertEquals(
                    "/api/v1/namespaces/default/pods/a%2Fb%3Ac", request.url().getRawPath());
            assertEquals("metadata.name=x", request.params().get("fieldSelector"));
            assertEquals("app/name:web", request.params().get("labelSelector"));
        }
    }

    @Test
    void handlerExceptionIsAnswered500NamingIt() {
        try (Server server = start(request -> {
            throw new IllegalStateException("the handler broke");
        })) {
            KResponse response = server.client().get("/");
            assertEquals(500, response.status());
            assertTrue(response.text().contains("java.lang.IllegalStateException: the handler broke"), response.text());
        }
    }

    @Test
    void absoluteFormTargetIsAcceptedAndKeepsItsHost() throws IOException {
        AtomicReference<Request> seen = new AtomicReference<>();
        try (Server server = start(request -> {
            seen.set(request);
            return Response.of(200, request.url().toString().getBytes(StandardCharsets.UTF_8));
        })) {
            String response = RawHttp.exchange(
                    server.port(),
                    "GET http://example.invalid/x?y=1 HTTP/1.1\r\nHost: example.invalid\r\nConnection: close\r\n\r\n");
            assertEquals(200, RawHttp.status(response));
            assertEquals("http://example.invalid/x?y=1", RawHttp.body(response));
            assertEquals("example.invalid", seen.get().url().getHost());
        }
    }

    @Test
    void absoluteFormTargetWinsOverADifferentHostHeader() throws IOException {
        AtomicReference<Request> seen = new AtomicReference<>();
        try (Server server = start(request -> {
            seen.set(request);
            return Response.of(204);
        })) {
            String response = RawHttp.exchange(
                    server.port(),
                    "GET http://example.invalid:80/x HTTP/1.1\r\nHost: example.invalid\r\nConnection: close\r\n\r\n");
            assertEquals(204, RawHttp.status(response));
            assertEquals("example.invalid", seen.get().url().getHost());
            assertEquals("/x", seen.get().path());
        }
    }

    @Test
    void ipv6LoopbackIsServed() {
        AtomicReference<Request> seen = new AtomicReference<>();
        try (Server server = Server.builder(request -> {
                    seen.set(request);
                    return Response.of(200, "six".getBytes(StandardCharsets.UTF_8));
                })
                .transport("jetty")
                .host("::1")
                .start()) {
            assertEquals(URI.create("http://[::1]:" + server.port() + "/"), server.url());
            assertEquals("six", server.client().get("/v6").text());
            assertEquals("[::1]", seen.get().url().getHost());
        }
    }

    @Test
    void portInUseFailsWithAnIOExceptionAndAClearMessage() {
        try (Server first = start(request -> Response.of(204))) {
            UncheckedIOException failure =
                    assertThrows(UncheckedIOException.class, () -> Server.builder(request -> Response.of(204))
                            .transport("jetty")
                            .port(first.port())
                            .start());
            assertInstanceOf(IOException.class, failure.getCause());
            assertTrue(failure.getMessage().contains(String.valueOf(first.port())), failure.getMessage());
            assertTrue(failure.getMessage().contains("in use"), failure.getMessage());
            assertEquals(204, first.client().get("/").status());
        }
    }

    @Test
    void clientUnwrapsToTheJettyHttpClient() {
        try (Server server = start(request -> Response.of(204))) {
            org.eclipse.jetty.client.HttpClient jetty =
                    server.client().unwrap(org.eclipse.jetty.client.HttpClient.class);
            assertTrue(jetty.isStarted());
            assertSame(jetty, server.client().unwrap(Object.class));
            assertThrows(IllegalArgumentException.class, () -> server.client().unwrap(String.class));
        }
    }

    @Test
    void aReaderPausingLongerThanTheIdleTimeoutStillGetsTheWholeBody() throws Exception {
        byte[] body = new byte[8 * 1024 * 1024];
        Arrays.fill(body, (byte) 'x');
        long idleMillis = 100;
        JettyListener listener = JettyListener.start(
                new Transport.ServerConfig("127.0.0.1", 0, 1024), request -> Response.of(200, body), idleMillis);
        try (Socket socket = new Socket()) {
            socket.setReceiveBufferSize(64 * 1024);
            socket.connect(new InetSocketAddress("127.0.0.1", listener.port()));
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write("GET /big HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            long total = in.read(new byte[64 * 1024]);
            // The stimulus is time itself: the reader stalls for ten idle timeouts while the server's write is blocked.
            long stalledUntil = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(10 * idleMillis);
            while (System.nanoTime() < stalledUntil) {
                LockSupport.parkNanos(stalledUntil - System.nanoTime());
            }
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                total += n;
                if (total >= body.length) {
                    break;
                }
            }
            assertTrue(total >= body.length, "the whole body after the stall, not " + total + " bytes");
        } finally {
            listener.close();
        }
    }

    @Test
    void keepAliveConnectionsAreNotTimedOutBetweenRequestsSoNoneClosesUnderARequestItIsServing() throws Exception {
        // With Jetty's 30 s default, 1–2 of 100,000 creates from four JDK HttpClient threads were stored and
        // their responses lost: the connection was closing on its idle timeout as the client reused it.
        JettyListener listener =
                JettyListener.start(new Transport.ServerConfig("127.0.0.1", 0, 1024), request -> Response.of(204));
        try {
            assertEquals(0, listener.idleTimeoutBetweenRequests());
        } finally {
            listener.close();
        }
    }
}
