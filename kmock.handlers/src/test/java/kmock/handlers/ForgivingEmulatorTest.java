package kmock.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;

import kmock.api.KResponse;
import kmock.api.KStream;
import kmock.api.Payload;
import kmock.api.Resource;
import kmock.internal.json.Json;

/**
 * The original's forgiving emulator on a fresh emulator with nothing declared, through real HTTP on both
 * transports, and the usage page's Kubernetes examples as written there.
 */
@BothTransports
class ForgivingEmulatorTest {

    private static final String EXAMPLES = "/apis/kopf.dev/v1/kopfexamples";
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @Parameter
    String transport;

    @RegisterExtension
    final Served served = new Served();

    private KubernetesEmulator kmock;

    @BeforeEach
    void start() {
        kmock = served.serve(new KubernetesEmulator(), transport);
    }

    private static Map<?, ?> json(KResponse response) {
        return (Map<?, ?>) response.json();
    }

    private static Map<?, ?> event(KStream watch) {
        String line = watch.readLine(PATIENCE);
        assertNotNull(line, "an event within " + PATIENCE);
        return (Map<?, ?>) Json.parse(line);
    }

    private static String namespaceOf(Map<?, ?> event) {
        return (String) ((Map<?, ?>) ((Map<?, ?>) event.get("object")).get("metadata")).get("namespace");
    }

    @Test
    void aCreateOnTheClusterWideUrlStoresTheObjectInTheNamespaceItsBodyNames() {
        Map<String, Object> body =
                Map.of("metadata", Map.of("name", "ex1", "namespace", "ns1"), "spec", Map.of("a", 1));
        assertEquals(201, kmock.post(EXAMPLES, body).status());
        assertTrue(kmock.objects().contains("kopf.dev/v1/kopfexamples", "ns1", "ex1"));
        try (KStream everywhere = kmock.stream("GET", EXAMPLES + "?watch=true");
                KStream inNs1 = kmock.stream("GET", "/apis/kopf.dev/v1/namespaces/ns1/kopfexamples?watch=true")) {
            assertEquals("ns1", namespaceOf(event(everywhere)));
            assertEquals("ADDED", event(inNs1).get("type"));
            assertEquals(
                    200,
                    kmock.delete("/apis/kopf.dev/v1/namespaces/ns1/kopfexamples/ex1")
                            .status());
            assertEquals("DELETED", event(everywhere).get("type"));
            assertEquals("DELETED", event(inNs1).get("type"));
        }
    }

    @Test
    void completeResourcesNamedInRulesAreDiscoverableWithTheDefaults() {
        kmock.on("list kopf.dev/v1/kopfexamples");
        kmock.on(Criteria.resource("v1/pods"));
        kmock.on(Criteria.resource(new Resource("partial.dev", null, "kopfexamples")));
        List<?> groups = (List<?>) json(kmock.get("/apis")).get("groups");
        assertEquals(
                List.of("kopf.dev"),
                groups.stream().map(g -> ((Map<?, ?>) g).get("name")).toList(),
                "a resource without a version is not discoverable");
        assertEquals("v1", ((Map<?, ?>) json(kmock.get("/apis/kopf.dev")).get("preferredVersion")).get("version"));
        Map<?, ?> example =
                (Map<?, ?>) ((List<?>) json(kmock.get("/apis/kopf.dev/v1")).get("resources")).get(0);
        assertEquals("kopfexamples", example.get("name"));
        assertEquals("Kopfexamples", example.get("kind"), "the kind defaults to the capitalised plural");
        assertEquals("kopfexamples", example.get("singularName"), "the singular defaults to the plural");
        Map<?, ?> pods = (Map<?, ?>) ((List<?>) json(kmock.get("/api/v1")).get("resources")).get(0);
        assertEquals("pods", pods.get("name"));
    }

    @Test
    void theRootListsTheLiteralPathsOfRules() {
        kmock.on("/custom/endpoint").reply("here");
        kmock.on("get /other?x=1").reply("there");
        List<?> paths = (List<?>) json(kmock.get("/")).get("paths");
        assertTrue(
                paths.containsAll(List.of("/api", "/apis", "/version", "/custom/endpoint", "/other")),
                paths.toString());
    }

    @Test
    void aCreateMakesAnUndeclaredResourceKnownAndServed() {
        assertEquals(
                404, kmock.get("/apis/kopf.dev/v1/namespaces/ns/kopfexamples").status(), "nothing made it known yet");
        KResponse created =
                kmock.post("/apis/kopf.dev/v1/namespaces/ns/kopfexamples", Map.of("metadata", Map.of("name", "ex1")));
        assertEquals(201, created.status(), created.text());
        assertEquals("Kopfexamples", json(created).get("kind"));
        assertEquals(1, ((List<?>) json(kmock.get(EXAMPLES)).get("items")).size());
        assertEquals(
                200,
                kmock.get("/apis/kopf.dev/v1/namespaces/ns/kopfexamples/ex1").status());
        assertEquals(
                "kopfexamples",
                ((Map<?, ?>) ((List<?>) json(kmock.get("/apis/kopf.dev/v1")).get("resources")).get(0)).get("name"));
        KResponse never = kmock.get("/apis/other.dev/v1/things");
        assertEquals(404, never.status());
        assertTrue(never.text().contains("not known"), never.text());
    }

    @Test
    void writesOtherThanCreatesOfUndeclaredResourcesFindNothing() {
        assertEquals(
                404,
                kmock.patch("/apis/kopf.dev/v1/namespaces/ns/kopfexamples/ex1", Map.of("spec", 1))
                        .status());
        assertEquals(
                404,
                kmock.delete("/apis/kopf.dev/v1/namespaces/ns/kopfexamples/ex1").status());
        assertFalse(kmock.objects().contains("kopf.dev/v1/kopfexamples", "ns", "ex1"));
    }

    @Test
    void anExceptionInsideAStreamEndsItWithAnErrorEventCarryingAStatus() {
        kmock.on("get /events").reply(Payload.stream(Map.of("type", "ADDED"), new IllegalStateException("boom")));
        try (KStream stream = kmock.stream("GET", "/events")) {
            assertEquals("ADDED", event(stream).get("type"));
            Map<?, ?> error = event(stream);
            assertEquals("ERROR", error.get("type"));
            Map<?, ?> status = (Map<?, ?>) error.get("object");
            assertEquals("Status", status.get("kind"));
            assertEquals(500, status.get("code"));
            assertTrue(String.valueOf(status.get("message")).contains("boom"), status.toString());
        }
    }

    @Test
    void theKindOfACatalogResourceComesFromTheCatalogEvenForObjectsStoredBeforeIt() {
        kmock.objects().put("v1/configmaps", "ns", "early", Map.of("data", Map.of("a", "1")));
        kmock.resources().loadBundled();
        assertEquals(
                "ConfigMap", kmock.objects().get("v1/configmaps", "ns", "early").get("kind"));
        assertEquals(
                "ConfigMap",
                json(kmock.get("/api/v1/namespaces/ns/configmaps/early")).get("kind"));
        assertEquals("ConfigMapList", json(kmock.get("/api/v1/configmaps")).get("kind"));
    }

    @Test
    void usagePage_anObjectPutWithTheArrayIsListedClusterWide() {
        kmock.objects().put("kopf.dev/v1/kopfexamples", "ns", "name", Map.of("spec", 123));
        Object data = kmock.get("/apis/kopf.dev/v1/kopfexamples").json();
        assertTrue(KObject.matches(data, Map.of("items", List.of(Map.of("spec", 123)))), String.valueOf(data));
    }

    @Test
    void usagePage_aPostThenAPatchLeaveTheObjectWithItsHistory() {
        kmock.post(
                "/apis/kopf.dev/v1/kopfexamples",
                Map.of("metadata", Map.of("name", "name", "namespace", "ns"), "spec", Map.of("field", "value")));
        kmock.patch("/apis/kopf.dev/v1/namespaces/ns/kopfexamples/name", Map.of("spec", Map.of("other", 1)));
        KObject object = kmock.objects().get("kopf.dev/v1/kopfexamples", "ns", "name");
        assertTrue(KObject.matches(object, Map.of("spec", Map.of("field", "value", "other", 1))), object.toString());
        assertEquals(2, object.history().size());
        assertTrue(object.historyContains(
                List.of(Map.of("spec", Map.of("field", "value")), Map.of("spec", Map.of("other", 1)))));
    }
}
