package kmock.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import kmock.internal.json.Json;

/**
 * {@code dryRun=All} on every verb answers what the write would have answered and leaves no trace: nothing stored,
 * no resourceVersion used up, no watch event.
 */
@BothTransports
class EmulatorDryRunTest {

    private static final String DEPLOYMENTS = "/apis/apps/v1/namespaces/ns/deployments";
    private static final String DRY = "?dryRun=All";

    @Parameter
    String transport;

    @RegisterExtension
    final Served served = new Served();

    private KubernetesEmulator kmock;

    @BeforeEach
    void start() {
        kmock = served.emulator(transport);
        assertEquals(201, kmock.post(DEPLOYMENTS, deployment("web", "nginx:1")).status());
    }

    private static Map<String, Object> deployment(String name, String image) {
        return Map.of(
                "apiVersion",
                "apps/v1",
                "kind",
                "Deployment",
                "metadata",
                Map.of("name", name),
                "spec",
                Map.of(
                        "selector",
                        Map.of("matchLabels", Map.of("app", "web")),
                        "template",
                        Map.of(
                                "metadata",
                                Map.of("labels", Map.of("app", "web")),
                                "spec",
                                Map.of("containers", List.of(Map.of("name", "app", "image", image))))));
    }

    private static Map<?, ?> json(KResponse response) {
        return (Map<?, ?>) response.json();
    }

    private static Object image(Object deployment) {
        Map<?, ?> spec = (Map<?, ?>) ((Map<?, ?>) deployment).get("spec");
        Map<?, ?> podSpec = (Map<?, ?>) ((Map<?, ?>) spec.get("template")).get("spec");
        return ((Map<?, ?>) ((List<?>) podSpec.get("containers")).get(0)).get("image");
    }

    /** Runs dry writes, then one real write, and checks that the first event seen and the revision are the real write's. */
    private void assertNoTrace(Runnable dryWrites) throws Exception {
        String storedBefore = Json.toText(
                kmock.objects().get("apps/v1/deployments", "ns", "web").history());
        String version = (String) ((Map<?, ?>) json(kmock.get(DEPLOYMENTS)).get("metadata")).get("resourceVersion");
        try (KStream watch = kmock.stream("GET", DEPLOYMENTS + "?watch=true&resourceVersion=" + version)) {
            dryWrites.run();
            assertEquals(
                    storedBefore,
                    Json.toText(kmock.objects()
                            .get("apps/v1/deployments", "ns", "web")
                            .history()));
            assertFalse(kmock.objects().contains("apps/v1/deployments", "ns", "dry"));
            assertEquals(
                    201,
                    kmock.post(DEPLOYMENTS, deployment("marker", "nginx:1")).status());
            String line = watch.readLine(Duration.ofSeconds(10));
            assertNotNull(line);
            assertTrue(line.contains("\"marker\""), "the first event is the real write's: " + line);
        }
        Map<?, ?> marker = (Map<?, ?>)
                kmock.objects().get("apps/v1/deployments", "ns", "marker").get("metadata");
        assertEquals(
                Long.parseLong(version) + 1,
                Long.parseLong((String) marker.get("resourceVersion")),
                "no resourceVersion was used up");
    }

    @Test
    void aDryCreateAnswersTheStoredShapeAndStoresNothing() throws Exception {
        assertNoTrace(() -> {
            KResponse created = kmock.post(DEPLOYMENTS + DRY, deployment("dry", "nginx:2"));
            assertEquals(201, created.status(), created.text());
            Map<?, ?> meta = (Map<?, ?>) json(created).get("metadata");
            assertEquals("dry", meta.get("name"));
            assertNotNull(meta.get("uid"));
            assertNotNull(meta.get("creationTimestamp"));
            assertNull(meta.get("resourceVersion"), "a dry run takes no resourceVersion");
            assertEquals(
                    Map.of(), json(created).get("status"), "the answer is the decoded object, with its zero status");
        });
    }

    @Test
    void aDryReplaceAndDryPatchesAnswerTheChangeAndStoreNothing() throws Exception {
        assertNoTrace(() -> {
            KResponse replaced = kmock.put(DEPLOYMENTS + "/web" + DRY, deployment("web", "nginx:2"));
            assertEquals(200, replaced.status(), replaced.text());
            assertEquals("nginx:2", image(replaced.json()));
            KResponse merged =
                    kmock.patch(DEPLOYMENTS + "/web" + DRY, Map.of("metadata", Map.of("labels", Map.of("dry", "yes"))));
            assertEquals(200, merged.status(), merged.text());
            assertEquals(Map.of("dry", "yes"), ((Map<?, ?>) json(merged).get("metadata")).get("labels"));
            KResponse strategic = kmock.patch(
                    DEPLOYMENTS + "/web" + DRY,
                    Map.of(
                            "spec",
                            Map.of(
                                    "template",
                                    Map.of(
                                            "spec",
                                            Map.of("containers", List.of(Map.of("name", "app", "image", "nginx:3")))))),
                    Map.of("Content-Type", "application/strategic-merge-patch+json"));
            assertEquals(200, strategic.status(), strategic.text());
            assertEquals("nginx:3", image(strategic.json()));
            KResponse jsonPatch = kmock.patch(
                    DEPLOYMENTS + "/web" + DRY,
                    List.of(Map.of("op", "add", "path", "/metadata/annotations", "value", Map.of("a", "b"))),
                    Map.of("Content-Type", "application/json-patch+json"));
            assertEquals(200, jsonPatch.status(), jsonPatch.text());
        });
        assertEquals("nginx:1", image(kmock.objects().get("apps/v1/deployments", "ns", "web")));
    }

    @Test
    void aDryApplyAnswersAndStoresNothing() throws Exception {
        assertNoTrace(() -> {
            byte[] applied = Json.write(deployment("web", "nginx:4"));
            // The image belongs to the creator (manager "kmock", the client's user agent): changing it takes force.
            KResponse updated = kmock.patch(
                    DEPLOYMENTS + "/web" + DRY + "&fieldManager=test&force=true",
                    applied,
                    Map.of("Content-Type", "application/apply-patch+yaml"));
            assertEquals(200, updated.status(), updated.text());
            assertEquals("nginx:4", image(updated.json()));
            KResponse created = kmock.patch(
                    DEPLOYMENTS + "/dry" + DRY + "&fieldManager=test",
                    Json.write(deployment("dry", "nginx:4")),
                    Map.of("Content-Type", "application/apply-patch+yaml"));
            assertEquals(201, created.status(), created.text());
        });
    }

    @Test
    void dryDeletesAnswerAndDeleteNothing() throws Exception {
        assertNoTrace(() -> {
            KResponse deleted = kmock.delete(DEPLOYMENTS + "/web" + DRY);
            assertEquals(200, deleted.status(), deleted.text());
            KResponse collection = kmock.delete(DEPLOYMENTS + DRY);
            assertEquals(200, collection.status(), collection.text());
            assertEquals(1, ((List<?>) json(collection).get("items")).size());
        });
        assertFalse(kmock.objects().get("apps/v1/deployments", "ns", "web").deleted());
    }

    @Test
    void anInvalidDryRunIsRefusedLikeARealWrite() throws Exception {
        assertNoTrace(() -> {
            KResponse invalid =
                    kmock.post(DEPLOYMENTS + DRY, Map.of("metadata", Map.of("name", "dry"), "spec", Map.of()));
            assertEquals(422, invalid.status(), invalid.text());
            assertEquals(
                    400,
                    kmock.post(DEPLOYMENTS + "?dryRun=Some", deployment("dry", "x"))
                            .status());
        });
    }
}
