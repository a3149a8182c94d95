package kmock.transport.jetty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import kmock.api.KResponse;
import kmock.api.Request;
import kmock.api.Response;
import kmock.api.Server;

class JettyInterceptionTest {

    private final List<Request> seen = new CopyOnWriteArrayList<>();

    private Server start(Object... hostnames) {
        return Server.builder(request -> {
                    seen.add(request);
                    return Response.of(200, ("served " + request.url()).getBytes(StandardCharsets.UTF_8));
                })
                .transport("jetty")
                .hostnames(hostnames)
                .start();
    }

    @Test
    void interceptedHostIsServedLocallyWithItsOwnUrlAndHostHeader() {
        try (Server server = start("google.com")) {
            KResponse response = server.client().get("http://google.com/search?q=kmock");
            assertEquals("served http://google.com/search?q=kmock", response.text());
            assertEquals("google.com", seen.get(0).header("Host"));
            assertEquals(
                    URI.create("http://google.com/search?q=kmock"), seen.get(0).url());
        }
    }

    @Test
    void hostWithoutPortIsInterceptedOnEveryPort() {
        try (Server server = start("google.com")) {
            assertEquals(200, server.client().get("http://google.com:81/").status());
            assertEquals("google.com:81", seen.get(0).header("Host"));
        }
    }

    @Test
    void hostWithPortIsInterceptedOnlyOnThatPort() {
        try (Server server = start("google.com:80", "kmock-test.invalid:80")) {
            assertEquals(200, server.client().get("http://google.com/").status());
            assertEquals(
                    200, server.client().get("http://kmock-test.invalid:80/").status());
            assertEquals(2, seen.size());
            // Not intercepted on port 81: the name goes to DNS, where a .invalid name never resolves.
            UncheckedIOException failure = assertThrows(
                    UncheckedIOException.class, () -> server.client().get("http://kmock-test.invalid:81/"));
            assertTrue(failure.getMessage().contains("kmock-test.invalid"), failure.getMessage());
            assertEquals(2, seen.size());
        }
    }

    @Test
    void patternInterceptsMatchingHostsOnly() {
        try (Server server = start(Pattern.compile(".*\\.example\\.invalid"))) {
            assertEquals(
                    200, server.client().get("http://api.example.invalid/apis").status());
            assertEquals("api.example.invalid", seen.get(0).url().getHost());
            assertThrows(UncheckedIOException.class, () -> server.client().get("http://other.invalid/"));
            assertEquals(1, seen.size());
        }
    }

    @Test
    void ipv4LiteralIsIntercepted() {
        try (Server server = start("10.255.255.1")) {
            assertEquals(
                    "served http://10.255.255.1/x",
                    server.client().get("http://10.255.255.1/x").text());
        }
    }

    @Test
    void ipv6LiteralIsIntercepted() {
        try (Server server = start("[fd00::1]")) {
            assertEquals(
                    "served http://[fd00::1]:8080/x",
                    server.client().get("http://[fd00::1]:8080/x").text());
        }
    }

    @Test
    void relativeUrlsGoToTheServer() {
        try (Server server = start()) {
            assertEquals(
                    "served " + server.url() + "rel", server.client().get("rel").text());
        }
    }
}
