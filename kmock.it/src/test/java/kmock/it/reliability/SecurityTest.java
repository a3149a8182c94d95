package kmock.it.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

import kmock.api.KResponse;
import kmock.api.Response;
import kmock.api.Server;
import kmock.handlers.KubernetesEmulator;
import kmock.it.transport.BothTransports;

/**
 * What a mock server inside someone else's test suite must never do: listen beyond loopback unasked, reroute hosts
 * it was not told about or leave the JVM rerouted, turn request bodies into arbitrary Java objects, or read bodies
 * without limit.
 */
@BothTransports
class SecurityTest {

    // Servers started by hand, not by KMockExtension: each test sets up the server whose defaults it checks.
    @Parameter
    String transport;

    @Test
    void theServerListensOnLoopbackOnlyUnlessToldOtherwise() throws IOException {
        try (Server server =
                Server.builder(request -> Response.of(204)).transport(transport).start()) {
            assertEquals("127.0.0.1", server.url().getHost());
            InetAddress external = nonLoopbackAddress();
            assumeTrue(external != null, "this machine has no non-loopback address to try");
            try (Socket socket = new Socket()) {
                assertThrows(
                        IOException.class,
                        () -> socket.connect(
                                new InetSocketAddress(external, server.url().getPort()), 5_000),
                        "the port is closed on " + external);
            }
        }
    }

    @Test
    void jvmInterceptionReroutesOnlyItsHostsAndIsUndoneOnClose() {
        ProxySelector before = ProxySelector.getDefault();
        URI other = URI.create("http://not-intercepted.example.invalid/");
        List<Proxy> otherBefore = before == null ? List.of(Proxy.NO_PROXY) : before.select(other);
        try (Server server = Server.builder(request -> Response.of(204))
                .transport(transport)
                .hostnames("intercepted.example.invalid")
                .interceptJvm(true)
                .start()) {
            List<Proxy> intercepted =
                    ProxySelector.getDefault().select(URI.create("http://intercepted.example.invalid/"));
            assertEquals(Proxy.Type.HTTP, intercepted.get(0).type());
            assertEquals(
                    server.proxy().address(),
                    intercepted.get(0).address(),
                    "the server as a proxy (on the JDK transport, its proxy port)");
            assertEquals(
                    otherBefore, ProxySelector.getDefault().select(other), "other hosts go where they went before");
        }
        assertSame(before, ProxySelector.getDefault(), "the JVM's proxy selector is the very one it was");
        Figures.record(
                "security: JVM-wide interception",
                transport,
                1,
                0,
                "only the configured host rerouted; the original ProxySelector restored on close");
    }

    @Test
    @SuppressWarnings("try") // the server is held open by try while the handler's own client reaches it
    void requestBodiesBecomePlainJsonValuesNeverJavaObjects() {
        KubernetesEmulator kmock = new KubernetesEmulator();
        kmock.resources().loadBundled();
        try (Server server = Server.builder(kmock).transport(transport).start()) {
            String cm = "/api/v1/namespaces/ns/configmaps";
            String json = "{\"metadata\":{\"name\":\"typed\"},\"data\":{\"@class\":\"java.io.File\",\"path\":\"/etc\"},"
                    + "\"binaryData\":[\"java.net.URL\",\"http://example.invalid\"]}";
            kmock.post(cm, json.getBytes(StandardCharsets.UTF_8), Map.of("Content-Type", "application/json"));
            String yaml =
                    "metadata:\n  name: tagged\ndata: !!java.io.File\n  path: /etc\nother: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://example.invalid/\"]]]]\n";
            KResponse tagged =
                    kmock.post(cm, yaml.getBytes(StandardCharsets.UTF_8), Map.of("Content-Type", "application/yaml"));
            assertTrue(tagged.status() == 201 || tagged.status() == 400, tagged.text());
            kmock.objects()
                    .keys()
                    .forEach(key -> assertPlainJson(kmock.objects()
                            .get(key.resource(), key.namespace(), key.name())
                            .version(-1)));
            assertTrue(kmock.objects().keys().size() >= 1);
        } finally {
            kmock.close();
        }
        Figures.record(
                "security: typed JSON and YAML bodies",
                transport,
                2,
                0,
                "stored as maps, lists, strings, numbers and booleans only");
    }

    @Test
    void bodiesOverTheDefaultLimitAreRefusedUnread() throws IOException {
        try (Server server = Server.builder(request -> Response.of(204))
                        .transport(transport)
                        .start();
                RawHttp client = RawHttp.connect(server.url())) {
            long oneOver = 64L * 1024 * 1024 + 1;
            client.send("POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: " + oneOver + "\r\n\r\n");
            assertEquals(413, client.status(), "the default limit of 64 MiB is enforced before the body is read");
        }
        Figures.record(
                "security: a body one byte over the default 64 MiB limit",
                transport,
                1,
                0,
                "413 before any of the body was sent");
    }

    private static void assertPlainJson(Object value) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> {
                assertTrue(key instanceof String, "a key is a string: " + key);
                assertPlainJson(item);
            });
        } else if (value instanceof List<?> list) {
            list.forEach(SecurityTest::assertPlainJson);
        } else {
            assertTrue(
                    value == null || value instanceof String || value instanceof Number || value instanceof Boolean,
                    "a plain JSON value, not a " + value.getClass().getName());
        }
    }

    private static InetAddress nonLoopbackAddress() throws SocketException {
        for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress address : Collections.list(network.getInetAddresses())) {
                if (!address.isLoopbackAddress() && !address.isLinkLocalAddress() && address.getAddress().length == 4) {
                    return address;
                }
            }
        }
        return null;
    }
}
