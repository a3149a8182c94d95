package kmock.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;

import kmock.api.KResponse;
import kmock.api.KStream;
import kmock.internal.json.Json;

/**
 * The Kubernetes behaviours of the Python original (discovery, objects, patches, finalizers, watches, partial
 * matching, Status errors), through real HTTP.
 */
@BothTransports
class KubernetesOriginalTest {

    @Parameter
    String transport;

    @RegisterExtension
    final Served served = new Served();

    private KubernetesEmulator kmock;

    @BeforeEach
    void start() {
        kmock = new KubernetesEmulator();
        kmock.resources()
                .put(
                        "kopf.dev/v1/kopfexamples",
                        Map.of("kind", "KopfExample", "namespaced", true, "subresources", List.of("status")));
        kmock.resources().put("v1/namespaces", Map.of("kind", "Namespace", "namespaced", false));
        served.serve(kmock, transport);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> json(KResponse response) {
        return (Map<String, Object>) response.json();
    }

    @Test
    void discoveryDocuments() {
        assertTrue(((List<?>) json(kmock.get("/")).get("paths"))
                .containsAll(List.of("/api", "/api/v1", "/apis", "/apis/kopf.dev", "/apis/kopf.dev/v1", "/version")));
        assertEquals(Set9.KEYS, json(kmock.get("/version")).keySet());
        assertEquals(Set9.KEYS, json(kmock.get("/version/")).keySet());
        assertEquals(List.of("v1"), json(kmock.get("/api")).get("versions"));
        Map<String, Object> groups = json(kmock.get("/apis"));
        assertEquals("APIGroupList", groups.get("kind"));
        assertEquals("kopf.dev", ((Map<?, ?>) ((List<?>) groups.get("groups")).get(0)).get("name"));
        assertEquals("APIGroup", json(kmock.get("/apis/kopf.dev")).get("kind"));
        KResponse unknown = kmock.get("/apis/nowhere.example");
        assertEquals(404, unknown.status());
        assertEquals("Status", json(unknown).get("kind"));
        Map<String, Object> list = json(kmock.get("/apis/kopf.dev/v1"));
        List<?> entries = (List<?>) list.get("resources");
        assertEquals(2, entries.size(), "one entry per resource and one per subresource");
        assertEquals("kopfexamples/status", ((Map<?, ?>) entries.get(1)).get("name"));
        kmock.resources().put("example.com/v1/widgets", Map.of());
        Map<?, ?> widget =
                (Map<?, ?>) ((List<?>) json(kmock.get("/apis/example.com/v1")).get("resources")).get(0);
        assertEquals("Widgets", widget.get("kind"), "the kind defaults to the capitalised plural");
        assertEquals("widgets", widget.get("singularName"), "the singular defaults to the plural");
    }

    @Test
    void resourcesOfStoredObjectsAreKnownToo() {
        assertEquals(404, kmock.get("/apis/other.example/v1/things").status());
        kmock.objects().put("other.example/v1/things", "ns", "t1", Map.of("spec", 1));
        assertEquals(200, kmock.get("/apis/other.example/v1/things").status());
        assertEquals(200, kmock.get("/apis/other.example/v1").status());
    }

    @Test
    void objectsByKeyConflictsAndNewLives() {
        Map<String, Object> body = Map.of("metadata", Map.of("name", "ex1"), "spec", Map.of("a", 1));
        assertEquals(
                201,
                kmock.post("/apis/kopf.dev/v1/namespaces/ns1/kopfexamples", body)
                        .status());
        assertEquals(
                201,
                kmock.post("/apis/kopf.dev/v1/namespaces/ns2/kopfexamples", body)
                        .status());
        assertEquals(
                409,
                kmock.post("/apis/kopf.dev/v1/namespaces/ns1/kopfexamples", body)
                        .status());
        assertEquals(
                2, ((List<?>) json(kmock.get("/apis/kopf.dev/v1/kopfexamples")).get("items")).size(), "cluster-wide");
        assertEquals(
                200,
                kmock.delete("/apis/kopf.dev/v1/namespaces/ns1/kopfexamples/ex1")
                        .status());
        KResponse missing = kmock.get("/apis/kopf.dev/v1/namespaces/ns1/kopfexamples/ex1");
        assertEquals(404, missing.status());
        assertEquals(
                404,
                kmock.patch("/apis/kopf.dev/v1/namespaces/ns1/kopfexamples/ex1", Map.of())
                        .status());
        assertEquals(
                201,
                kmock.post("/apis/kopf.dev/v1/namespaces/ns1/kopfexamples", body)
                        .status(),
                "a new life");
        assertEquals(
                3,
                kmock.objects()
                        .get("kopf.dev/v1/kopfexamples", "ns1", "ex1")
                        .history()
                        .size());
        assertEquals(404, kmock.get("/apis/kopf.dev/v1/unknowns").status());
        assertTrue(kmock.get("/apis/kopf.dev/v1/unknowns").text().contains("kmock.resources().put"));
    }

    @Test
    void patchMergesMapsAndReplacesTheRestWithHistory() {
        kmock.objects()
                .put(
                        "kopf.dev/v1/kopfexamples",
                        "ns",
                        "p",
                        Map.of("spec", Map.of("a", 1, "list", List.of(1, 2), "keep", "k")));
        kmock.patch(
                "/apis/kopf.dev/v1/namespaces/ns/kopfexamples/p", Map.of("spec", Map.of("a", 2, "list", List.of(3))));
        KObject object = kmock.objects().get("kopf.dev/v1/kopfexamples", "ns", "p");
        assertEquals(Map.of("a", 2, "list", List.of(3), "keep", "k"), object.get("spec"));
        assertEquals(2, object.history().size());
        kmock.delete("/apis/kopf.dev/v1/namespaces/ns/kopfexamples/p");
        assertNull(kmock.objects().get("kopf.dev/v1/kopfexamples", "ns", "p").version(-1), "API deletion is soft");
        kmock.objects().remove("kopf.dev/v1/kopfexamples", "ns", "p");
        assertTrue(!kmock.objects().contains("kopf.dev/v1/kopfexamples", "ns", "p"), "removal from the array is hard");
    }

    @Test
    void finalizersHoldDeletionUntilAWriteEmptiesThem() {
        kmock.objects()
                .put("kopf.dev/v1/kopfexamples", "ns", "f", Map.of("metadata", Map.of("finalizers", List.of("x/y"))));
        KResponse marked = kmock.delete("/apis/kopf.dev/v1/namespaces/ns/kopfexamples/f");
        assertEquals(
                200,
                marked.status(),
                "a delete that finalizers hold answers 200 with the object, as the API server does");
        assertNotNull(((Map<?, ?>) json(marked).get("metadata")).get("deletionTimestamp"));
        Map<?, ?> held = json(kmock.get("/apis/kopf.dev/v1/namespaces/ns/kopfexamples/f"));
        assertNotNull(((Map<?, ?>) held.get("metadata")).get("deletionTimestamp"));
        kmock.patch(
                "/apis/kopf.dev/v1/namespaces/ns/kopfexamples/f", Map.of("metadata", Map.of("finalizers", List.of())));
        assertEquals(
                404, kmock.get("/apis/kopf.dev/v1/namespaces/ns/kopfexamples/f").status());
        assertTrue(kmock.objects().get("kopf.dev/v1/kopfexamples", "ns", "f").deleted());
    }

    @Test
    void watchStartsWithExistingObjectsThenFollowsChanges() {
        kmock.objects().put("kopf.dev/v1/kopfexamples", "ns", "old", Map.of("spec", 1));
        kmock.objects().put("kopf.dev/v1/kopfexamples", "other", "elsewhere", Map.of("spec", 1));
        try (KStream watch = kmock.stream("GET", "/apis/kopf.dev/v1/namespaces/ns/kopfexamples?watch=true")) {
            assertEquals("ADDED old", event(watch));
            kmock.post("/apis/kopf.dev/v1/namespaces/ns/kopfexamples", Map.of("metadata", Map.of("name", "new")));
            assertEquals("ADDED new", event(watch));
            kmock.patch("/apis/kopf.dev/v1/namespaces/ns/kopfexamples/new", Map.of("spec", 2));
            assertEquals("MODIFIED new", event(watch));
            kmock.patch("/apis/kopf.dev/v1/namespaces/other/kopfexamples/elsewhere", Map.of("spec", 2));
            kmock.delete("/apis/kopf.dev/v1/namespaces/ns/kopfexamples/new");
            assertEquals("DELETED new", event(watch), "events of other namespaces are filtered out");
        }
    }

    private static String event(KStream watch) {
        String line = watch.readLine(Duration.ofSeconds(10));
        assertNotNull(line, "no watch event within 10 s");
        Map<?, ?> event = (Map<?, ?>) Json.parse(line);
        return event.get("type") + " " + ((Map<?, ?>) ((Map<?, ?>) event.get("object")).get("metadata")).get("name");
    }

    @Test
    void partialComparisonOfObjectsAndHistories() {
        kmock.objects()
                .putHistory(
                        "kopf.dev/v1/kopfexamples",
                        "ns",
                        "h",
                        Arrays.asList(
                                Map.of("spec", Map.of("step", 1, "extra", true)),
                                Map.of("spec", Map.of("step", 2)),
                                null));
        KObject object = kmock.objects().get("kopf.dev/v1/kopfexamples", "ns", "h");
        assertTrue(KObject.matches(object.version(0), Map.of("spec", Map.of("step", 1))));
        assertTrue(KObject.matches(object.version(0), Map.of("spec", Map.of("extra", Criteria.ANY))));
        assertTrue(
                object.historyContains(List.of(Map.of("spec", Map.of("step", 2)), Map.of("spec", Map.of("step", 1)))));
        assertTrue(object.deleted());
    }

    @Test
    void errorsAreStatusObjects() {
        Map<String, Object> status = json(kmock.get("/apis/kopf.dev/v1/namespaces/ns/kopfexamples/none"));
        assertEquals("v1", status.get("apiVersion"));
        assertEquals("Status", status.get("kind"));
        assertEquals("Failure", status.get("status"));
        assertEquals(404, status.get("code"));
        assertEquals("NotFound", status.get("reason"));
        assertNotNull(status.get("message"));
        kmock.on("get /boom").reply(new IllegalStateException("boom"));
        Map<String, Object> failure = json(kmock.get("/boom"));
        assertEquals(500, failure.get("code"));
        assertTrue(String.valueOf(failure.get("message")).contains("boom"));
    }

    /** The nine fields of client-java's VersionInfo. */
    private static final class Set9 {
        static final java.util.Set<String> KEYS = java.util.Set.of(
                "major",
                "minor",
                "gitVersion",
                "gitCommit",
                "gitTreeState",
                "buildDate",
                "goVersion",
                "compiler",
                "platform");
    }
}
