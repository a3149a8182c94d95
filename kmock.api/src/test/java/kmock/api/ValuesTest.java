package kmock.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The values of kmock-api that need no server: requests, responses, interception, resources, wrappers. */
class ValuesTest {

    @Test
    void aRequestReadsItsQueryHeadersCookiesAndKubernetesFields() {
        Request request = Request.builder()
                .method("get")
                .url("/api/v1/namespaces/ns1/pods?watch=true&a=1&a=2")
                .header("Cookie", "k=v; other=x")
                .header("X-Trace", "1")
                .build();
        assertEquals("GET", request.method());
        assertEquals(Map.of("watch", "true", "a", "1"), request.params());
        assertEquals(List.of("1", "2"), request.query().get("a"));
        assertEquals("1", request.header("x-trace"));
        assertEquals("v", request.cookies().get("k"));
        assertEquals(new Resource("", "v1", "pods"), request.resource());
        assertEquals(Action.WATCH, request.action());
        assertEquals("ns1", request.namespace());
        assertNull(request.name());
    }

    @Test
    void aCreateTakesItsNameAndNamespaceFromTheBody() {
        Request create = Request.builder()
                .method("POST")
                .url("/api/v1/configmaps")
                .body("{\"metadata\":{\"name\":\"cm\",\"namespace\":\"ns2\"}}".getBytes(StandardCharsets.UTF_8))
                .build();
        assertEquals(Action.CREATE, create.action());
        assertEquals("cm", create.name());
        assertEquals("ns2", create.namespace());
    }

    @Test
    void bodiesAreSharedNotCopied() {
        byte[] body = "abc".getBytes(StandardCharsets.UTF_8);
        assertSame(body, Request.builder().url("/").body(body).build().body());
        assertSame(body, Response.of(200, body).body());
        assertSame(body, new KResponse(200, null, Map.of(), body).body());
    }

    @Test
    void aResponseBuilderKeepsExclusiveBodiesAndDerivesTheReason() {
        Response streaming = Response.builder().body("fixed").stream(out -> out.write("chunk"))
                .build();
        assertTrue(streaming.isStreaming());
        assertEquals(0, streaming.body().length);
        Response fixed = streaming.newBuilder().body("again").build();
        assertFalse(fixed.isStreaming());
        assertEquals("Not Found", Response.of(404).reason());
        assertEquals(
                "teapot",
                Response.builder().status(418).reason("teapot").build().reason());
        assertThrows(IllegalArgumentException.class, () -> Response.of(99));
    }

    @Test
    void aResponseOfTheClientDerivesAMissingReasonAndReadsCookies() {
        KResponse response = new KResponse(201, null, Map.of("Set-Cookie", List.of("a=1; Path=/", "b=2")), null);
        assertEquals("Created", response.reason());
        assertEquals(Map.of("a", "1", "b", "2"), response.cookies());
        assertNull(response.header("Location"));
        assertEquals(0, response.body().length);
    }

    @Test
    void interceptionMatchesHostsPortsPatternsAndTheServerItself() {
        Interception interception = Interception.of(
                new InetSocketAddress("127.0.0.1", 4000),
                List.of("google.com", "api.example.com:443", "[::1]:8080", Pattern.compile(".*\\.internal")));
        assertTrue(interception.intercepts("GOOGLE.com", 80));
        assertTrue(interception.intercepts("google.com", 8443));
        assertTrue(interception.intercepts("api.example.com", 443));
        assertFalse(interception.intercepts("api.example.com", 80));
        assertTrue(interception.intercepts("[::1]", 8080));
        assertTrue(interception.intercepts("db.internal", 5432));
        assertTrue(interception.intercepts("127.0.0.1", 4000));
        assertFalse(interception.intercepts("example.org", 80));
        assertEquals(List.of("google.com", "api.example.com", "::1"), interception.hosts());
    }

    @Test
    void aBadHostnameSpecIsRefusedWithTheFormsThatExist() {
        InetSocketAddress target = new InetSocketAddress("127.0.0.1", 4000);
        IllegalArgumentException port =
                assertThrows(IllegalArgumentException.class, () -> Interception.of(target, List.of("host:99999")));
        assertTrue(port.getMessage().contains("use host:1..65535"), port.getMessage());
        IllegalArgumentException type =
                assertThrows(IllegalArgumentException.class, () -> Interception.of(target, List.of(42)));
        assertTrue(type.getMessage().contains("java.util.regex.Pattern"), type.getMessage());
    }

    @Test
    void resourcesParseEveryNotationAndPrintTheDottedOne() {
        assertEquals(
                "kopfexamples.v1.kopf.dev",
                Resource.parse("kopf.dev/v1/kopfexamples").toString());
        assertEquals(
                "/apis/apps/v1/deployments",
                Resource.parse("deployments.v1.apps").path());
        assertTrue(new Resource(null, "v1", "pods").matches(new Resource("", "v1", "pods")));
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class, () -> Resource.parse("/pods"));
        assertTrue(failure.getMessage().contains("Use 'v1/pods'"), failure.getMessage());
    }

    @Test
    void aWrapperServesThroughTheWrappedHandlerAndForwardsAttachAndDetach() throws Exception {
        List<String> calls = new ArrayList<>();
        Handler inner = new Handler() {
            @Override
            public Response handle(Request request) {
                calls.add("handle " + request.path());
                return Response.of(204);
            }

            @Override
            public void attach(Server server) {
                calls.add("attach");
            }

            @Override
            public void detach(Server server) {
                calls.add("detach");
            }
        };
        Handler.Wrapper counting = new Handler.Wrapper(inner) {
            @Override
            public Response handle(Request request) throws Exception {
                calls.add("wrapper");
                return super.handle(request);
            }
        };
        counting.attach(null);
        assertEquals(204, counting.handle(Request.builder().url("/x").build()).status());
        counting.detach(null);
        assertEquals(List.of("attach", "wrapper", "handle /x", "detach"), calls);
        assertSame(inner, counting.wrapped());
    }
}
