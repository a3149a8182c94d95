package kmock.it.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ProxySelector;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

import kmock.api.Client;
import kmock.api.Request;
import kmock.api.Response;
import kmock.api.Server;

/**
 * Hostname interception by the embedded client. Every name here is under {@code .invalid} or a documentation or
 * unique-local address, so a request that escaped interception fails instead of reaching the network.
 */
@BothTransports
class InterceptionContractTest {

    @Parameter
    String transport;

    private final List<Request> seen = new CopyOnWriteArrayList<>();

    private Server start(Object... hostnames) {
        return Server.builder(request -> {
                    seen.add(request);
                    return Response.of(200, ("served " + request.url().getHost()).getBytes(StandardCharsets.UTF_8));
                })
                .transport(transport)
                .hostnames(hostnames)
                .start();
    }

    @Test
    void aHostnameIsServedLocallyOnEveryPort() {
        try (Server server = start("google.com", "api.example.invalid")) {
            assertEquals(
                    "served google.com",
                    server.client().get("http://google.com/search?q=1").text());
            assertEquals(
                    "served API.example.invalid",
                    server.client().get("http://API.example.invalid:8080/").text(),
                    "host names match whatever their case; the request keeps the one the client used");
            assertEquals("google.com", seen.get(0).url().getHost());
            assertEquals("/search", seen.get(0).path());
        }
    }

    @Test
    void aHostWithAPortIsInterceptedOnlyOnThatPort() {
        try (Server server = start("ported.example.invalid:80")) {
            assertEquals(
                    200, server.client().get("http://ported.example.invalid/").status());
            assertThrows(UncheckedIOException.class, () -> server.client().get("http://ported.example.invalid:81/"));
            assertEquals(1, seen.size(), "the request to port 81 must not reach the server");
        }
    }

    @Test
    void aPatternMatchesWholeHostNames() {
        try (Server server = start(Pattern.compile("svc-\\d+\\.example\\.invalid"))) {
            assertEquals(
                    "served svc-42.example.invalid",
                    server.client().get("http://svc-42.example.invalid/").text());
            assertThrows(UncheckedIOException.class, () -> server.client()
                    .get("http://svc-42.example.invalid.other.invalid/"));
            assertEquals(1, seen.size());
        }
    }

    @Test
    void ipLiteralsAreServedLocally() {
        try (Server server = start("192.0.2.10", "[fd00::1]")) {
            assertEquals(200, server.client().get("http://192.0.2.10/").status());
            assertEquals(200, server.client().get("http://[fd00::1]:8443/").status());
            assertEquals(2, seen.size());
        }
    }

    @Test
    void aHostThatIsNotInterceptedIsNotSentToTheServer() {
        try (Server server = start("known.example.invalid")) {
            assertThrows(UncheckedIOException.class, () -> server.client().get("http://unknown.example.invalid/"));
            assertTrue(seen.isEmpty());
        }
    }

    @Test
    void interceptJvmReachesHttpUrlConnectionAndIsUndoneOnClose() throws Exception {
        ProxySelector before = ProxySelector.getDefault();
        try (Server server = Server.builder(request -> {
                    seen.add(request);
                    return Response.of(200, "jvm-wide".getBytes(StandardCharsets.UTF_8));
                })
                .transport(transport)
                .hostnames("legacy.example.invalid")
                .interceptJvm(true)
                .start()) {
            // (The selector object may already be KMock's: the JUnit extension installs it for good when it loads.)
            assertEquals(
                    List.of(server.proxy()),
                    ProxySelector.getDefault().select(URI.create("http://legacy.example.invalid/")));
            HttpURLConnection connection = (HttpURLConnection)
                    URI.create("http://legacy.example.invalid/old").toURL().openConnection();
            try {
                assertEquals(200, connection.getResponseCode());
                assertEquals(
                        "jvm-wide", new String(connection.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            } finally {
                connection.disconnect();
            }
            assertEquals("legacy.example.invalid", seen.get(0).url().getHost());
        }
        assertSame(before, ProxySelector.getDefault());
    }

    @Test
    void relativeUrlsGoToTheServerAndTheClientUnwraps() {
        try (Server server = start()) {
            assertEquals(200, server.client().get("relative/path").status());
            assertEquals("/relative/path", seen.get(0).path());
            Client client = server.client();
            Class<?> expected = transport.equals("jdk")
                    ? java.net.http.HttpClient.class
                    : org.eclipse.jetty.client.HttpClient.class;
            assertTrue(expected.isInstance(client.unwrap(expected)));
        }
    }
}
