package kmock.it.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

import kmock.api.KResponse;
import kmock.api.Request;
import kmock.api.Response;
import kmock.api.Server;

/** Status, reason, headers, cookies and bodies, identical on every transport, over HTTP and HTTPS. */
@TransportsAndSchemes
class ExchangeContractTest {

    @Parameter(0)
    String transport;

    @Parameter(1)
    String scheme;

    private Server.Builder on(Server.Builder builder) {
        return TransportsAndSchemes.Matrix.on(builder, transport, scheme);
    }

    @Test
    void statusReasonHeadersAndCookiesArrive() {
        Response reply = Response.builder()
                .status(418)
                .header("X-Multi", "one")
                .header("x-multi", "two")
                .header("Set-Cookie", "session=abc; Path=/")
                .header("Set-Cookie", "theme=dark")
                .body("short and stout")
                .build();
        try (Server server = on(Server.builder(request -> reply)).start()) {
            KResponse response = server.client().get("/teapot");
            assertEquals(418, response.status());
            assertTrue(response.reason().equalsIgnoreCase("I'm a teapot"), response.reason());
            assertEquals(List.of("one", "two"), response.headers().get("X-MULTI"));
            assertEquals("one", response.header("x-multi"));
            assertNull(response.header("X-Absent"));
            assertEquals(Map.of("session", "abc", "theme", "dark"), response.cookies());
            assertEquals("short and stout", response.text());
        }
    }

    @Test
    void requestArrivesWithMethodUrlHeadersCookiesAndQuery() {
        List<Request> seen = new CopyOnWriteArrayList<>();
        try (Server server = on(Server.builder(request -> {
                    seen.add(request);
                    return Response.of(204);
                }))
                .start()) {
            KResponse response = server.client()
                    .request(
                            "PATCH",
                            "/a/b?x=1&x=2&y=%20z",
                            Map.of("k", 1),
                            Map.of("X-Trace", "t1", "Cookie", "c1=v1; c2=v2"));
            assertEquals(204, response.status());
            assertEquals(0, response.body().length);
            Request request = seen.get(0);
            assertEquals("PATCH", request.method());
            assertEquals("/a/b", request.path());
            assertEquals(List.of("1", "2"), request.query().get("x"));
            assertEquals(" z", request.params().get("y"));
            assertEquals("t1", request.header("x-trace"));
            assertEquals(Map.of("c1", "v1", "c2", "v2"), request.cookies());
            assertEquals(Map.of("k", 1), request.data());
            assertEquals("application/json", request.header("Content-Type"));
            assertEquals(server.port(), request.url().getPort());
            assertEquals(scheme, request.url().getScheme(), "the request knows whether it came over TLS");
        }
    }

    @Test
    void headAndEmptyBodiesCarryNoBody() {
        try (Server server = on(Server.builder(request -> Response.of(200, "body".getBytes(StandardCharsets.UTF_8))))
                .start()) {
            KResponse head = server.client().head("/");
            assertEquals(200, head.status());
            assertEquals(0, head.body().length);
        }
        try (Server server = on(Server.builder(request -> Response.of(200))).start()) {
            KResponse empty = server.client().get("/");
            assertEquals(200, empty.status());
            assertEquals(0, empty.body().length);
        }
    }

    @Test
    void tenMegabytesTravelIntactBothWays() {
        byte[] payload = new byte[10 * 1024 * 1024];
        new Random(42).nextBytes(payload);
        try (Server server =
                on(Server.builder(request -> Response.of(200, request.body()))).start()) {
            KResponse echoed = server.client().post("/echo", payload);
            assertArrayEquals(payload, echoed.body());
        }
    }

    @Test
    void bodyOverTheLimitIsAnswered413WithoutCallingTheHandler() {
        List<Request> seen = new CopyOnWriteArrayList<>();
        try (Server server = on(Server.builder(request -> {
                    seen.add(request);
                    return Response.of(200);
                }))
                .maxBodySize(1024)
                .start()) {
            assertEquals(413, server.client().post("/", new byte[4096]).status());
            assertEquals(200, server.client().post("/", new byte[512]).status());
            assertEquals(1, seen.size());
        }
    }

    @Test
    void handlerExceptionBecomesA500NamingIt() {
        try (Server server = on(Server.builder(request -> {
                    throw new IllegalStateException("broken on purpose");
                }))
                .start()) {
            KResponse response = server.client().get("/");
            assertEquals(500, response.status());
            assertTrue(response.text().contains("IllegalStateException: broken on purpose"), response.text());
        }
    }

    @Test
    void unknownQueryParametersDoNotChangeWhatArrives() {
        List<String> paths = new CopyOnWriteArrayList<>();
        try (Server server = on(Server.builder(request -> {
                    paths.add(request.path());
                    return Response.of(200);
                }))
                .start()) {
            server.client().get("/api/v1/pods?timeout=32s&fieldManager=kubectl&fieldValidation=Strict");
            assertEquals(List.of("/api/v1/pods"), paths);
            assertFalse(paths.isEmpty());
        }
    }

    @Test
    void targetStartingWithTwoSlashesIsAPathNotAHost() throws Exception {
        List<Request> seen = new CopyOnWriteArrayList<>();
        try (Server server = on(Server.builder(request -> {
                    seen.add(request);
                    return Response.of(204);
                }))
                .start()) {
            HttpClient.Builder plain = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY);
            HttpClient plainClient = scheme.equals("https")
                    ? plain.sslContext(server.certificateAuthority().sslContext())
                            .build()
                    : plain.build();
            // A base URL with a trailing slash plus "/api/…", as client-java builds it from kmock.url(), sent in
            // origin form by a plain client (the embedded clients send absolute URLs to the server).
            URI url = URI.create(server.url() + "/api/v1/namespaces?limit=1");
            assertEquals(
                    204,
                    plainClient
                            .send(HttpRequest.newBuilder(url).build(), BodyHandlers.discarding())
                            .statusCode());
            Request request = seen.get(0);
            assertEquals("/api/v1/namespaces", request.path());
            assertEquals("//api/v1/namespaces", request.url().getRawPath());
            assertEquals(server.port(), request.url().getPort());
            assertEquals("1", request.params().get("limit"));
            assertEquals(
                    "v1/namespaces",
                    request.resource().apiVersion() + "/" + request.resource().plural());
        }
    }
}
