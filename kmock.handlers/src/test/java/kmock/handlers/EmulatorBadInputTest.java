package kmock.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import kmock.api.KResponse;
import kmock.api.KStream;
import kmock.api.Server;
import kmock.internal.json.Json;

/** Malformed requests get a Kubernetes Status and leave the store exactly as it was; watch parameters over HTTP. */
class EmulatorBadInputTest {

    private static final String CM = "/api/v1/namespaces/ns/configmaps";

    @RegisterExtension
    final Served served = new Served();

    private KubernetesEmulator kmock;

    @BeforeEach
    void start() {
        kmock = served.emulator();
        kmock.objects().put("v1/configmaps", "ns", "cm", Map.of("data", Map.of("a", "1")));
    }

    private String snapshot() {
        return Json.toText(kmock.objects().get("v1/configmaps", "ns", "cm").history()) + " "
                + kmock.objects().keys() + " "
                + ((Map<?, ?>) ((Map<?, ?>) kmock.get(CM).json()).get("metadata")).get("resourceVersion");
    }

    private void assertRefused(int code, KResponse response) {
        assertEquals(code, response.status(), response.text());
        assertEquals("Status", ((Map<?, ?>) response.json()).get("kind"), response.text());
    }

    @Test
    void yamlBodiesCreateAndReplaceObjects() {
        String yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: from-yaml\ndata:\n  a: \"1\"\n";
        KResponse created =
                kmock.post(CM, yaml.getBytes(StandardCharsets.UTF_8), Map.of("Content-Type", "application/yaml"));
        assertEquals(201, created.status(), created.text());
        String replaced = "metadata:\n  name: from-yaml\ndata:\n  a: \"2\"\n";
        assertEquals(
                200,
                kmock.put(
                                CM + "/from-yaml",
                                replaced.getBytes(StandardCharsets.UTF_8),
                                Map.of("Content-Type", "application/yaml; charset=utf-8"))
                        .status());
        assertEquals(
                Map.of("a", "2"),
                kmock.objects().get("v1/configmaps", "ns", "from-yaml").get("data"));
    }

    @Test
    void malformedRequestsAreStatusesAndChangeNothing() {
        String before = snapshot();
        Map<String, String> json = Map.of("Content-Type", "application/json");
        assertRefused(400, kmock.post(CM, "{not json".getBytes(StandardCharsets.UTF_8), json));
        assertRefused(400, kmock.put(CM + "/cm", "[1,2]".getBytes(StandardCharsets.UTF_8), json));
        assertRefused(
                415,
                kmock.patch(
                        CM + "/cm", "{}".getBytes(StandardCharsets.UTF_8), Map.of("Content-Type", "text/x-unknown")));
        assertRefused(
                422,
                kmock.patch(
                        CM + "/cm",
                        "[{\"op\":\"test\",\"path\":\"/data/a\",\"value\":\"2\"},{\"op\":\"remove\",\"path\":\"/data\"}]"
                                .getBytes(StandardCharsets.UTF_8),
                        Map.of("Content-Type", "application/json-patch+json")));
        assertRefused(
                400,
                kmock.patch(
                        CM + "/cm",
                        "[{\"op\":\"explode\",\"path\":\"/data\"}]".getBytes(StandardCharsets.UTF_8),
                        Map.of("Content-Type", "application/json-patch+json")));
        KResponse protobuf = kmock.post(
                CM, new byte[] {'k', '8', 's', 0, 1, 2}, Map.of("Content-Type", "application/vnd.kubernetes.protobuf"));
        assertRefused(415, protobuf);
        assertTrue(
                protobuf.text().contains("io.github.kmock:kmock-protobuf"),
                "names the artifact to add: " + protobuf.text());
        assertRefused(400, kmock.put(CM + "/cm", Map.of("metadata", Map.of("name", "other"))));
        assertRefused(400, kmock.get(CM + "?labelSelector=" + "app%20in%20web"));
        assertRefused(400, kmock.post(CM, Map.of("metadata", Map.of("name", "x", "namespace", "elsewhere"))));
        assertEquals(before, snapshot());
        assertEquals(List.of(), kmock.errors(), "refusals are answers to the client, not server errors");
    }

    @Test
    void aStrictEmulatorClosesCleanlyAfterATestOfAConflict() {
        KubernetesEmulator strict = KubernetesEmulator.builder().strict(true).build();
        strict.resources().loadBundled();
        // Started and closed here: that the strict emulator's close() passes is the subject.
        try (Server other = Server.builder(strict).start()) {
            strict.post(CM, Map.of("metadata", Map.of("name", "x")));
            assertRefused(409, strict.post(CM, Map.of("metadata", Map.of("name", "x"))));
            assertRefused(404, strict.get(CM + "/absent"));
        }
        strict.close();
    }

    @Test
    void watchFromAResourceVersionSendsOnlyLaterEventsAndOldOnesAreGone() {
        String rv =
                String.valueOf(((Map<?, ?>) ((Map<?, ?>) kmock.get(CM).json()).get("metadata")).get("resourceVersion"));
        kmock.patch(CM + "/cm", Map.of("data", Map.of("b", "2")));
        try (KStream watch = kmock.stream("GET", CM + "?watch=true&resourceVersion=" + rv)) {
            Map<?, ?> event = (Map<?, ?>) Json.parse(watch.readLine(java.time.Duration.ofSeconds(10)));
            assertEquals("MODIFIED", event.get("type"), "no replay of the existing object as ADDED");
        }
        try (KStream watch = kmock.stream(
                "GET",
                CM + "?watch=true&sendInitialEvents=true&allowWatchBookmarks=true&resourceVersionMatch=NotOlderThan")) {
            assertEquals(
                    "ADDED", ((Map<?, ?>) Json.parse(watch.readLine(java.time.Duration.ofSeconds(10)))).get("type"));
            Map<?, ?> bookmark = (Map<?, ?>) Json.parse(watch.readLine(java.time.Duration.ofSeconds(10)));
            assertEquals("BOOKMARK", bookmark.get("type"));
            assertTrue(Json.toText(bookmark).contains("k8s.io/initial-events-end"), Json.toText(bookmark));
        }
    }

    @SuppressWarnings("unchecked") // JSON objects read back are maps of strings to values
    @Test
    void concurrentReadModifyWriteLosesNoUpdate() throws Exception {
        kmock.objects().put("v1/configmaps", "ns", "counter", Map.of("data", Map.of("n", "0")));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        while (true) {
                            Map<?, ?> current =
                                    (Map<?, ?>) kmock.get(CM + "/counter").json();
                            int n = Integer.parseInt((String) ((Map<?, ?>) current.get("data")).get("n"));
                            Map<String, Object> next = new java.util.LinkedHashMap<>((Map<String, Object>) current);
                            next.put("data", Map.of("n", String.valueOf(n + 1)));
                            int status = kmock.put(CM + "/counter", next).status();
                            if (status == 200) {
                                break;
                            }
                            assertEquals(409, status);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(
                Map.of("n", "200"),
                kmock.objects().get("v1/configmaps", "ns", "counter").get("data"));
    }
}
