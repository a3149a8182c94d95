package kmock.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;

import kmock.api.KResponse;
import kmock.api.KStream;

/** Deletes answer as the API server's delete handler and its kinds' storage do. */
@BothTransports
class EmulatorDeletionTest {

    private static final String CMS = "/api/v1/namespaces/ns/configmaps";
    private static final String PODS = "/api/v1/namespaces/ns/pods";

    @Parameter
    String transport;

    @RegisterExtension
    final Served served = new Served();

    private KubernetesEmulator kmock;

    @BeforeEach
    void start() {
        kmock = served.emulator(transport);
    }

    private static Map<?, ?> json(KResponse response) {
        return (Map<?, ?>) response.json();
    }

    private static Map<?, ?> meta(Object object) {
        return (Map<?, ?>) ((Map<?, ?>) object).get("metadata");
    }

    private void configMap(String name, List<String> finalizers) {
        KResponse created = kmock.post(CMS, Map.of("metadata", Map.of("name", name, "finalizers", finalizers)));
        assertEquals(201, created.status(), created.text());
    }

    @Test
    void anImmediateDeleteOfAConfigMapAnswersASuccessStatusNamingIt() {
        configMap("gone", List.of());
        Object uid = meta(kmock.objects().get("v1/configmaps", "ns", "gone")).get("uid");
        KResponse deleted = kmock.delete(CMS + "/gone");
        assertEquals(200, deleted.status(), deleted.text());
        assertEquals(
                Map.of(
                        "kind",
                        "Status",
                        "apiVersion",
                        "v1",
                        "metadata",
                        Map.of(),
                        "status",
                        "Success",
                        "details",
                        Map.of("name", "gone", "group", "", "kind", "configmaps", "uid", uid)),
                deleted.json());
        assertTrue(kmock.objects().get("v1/configmaps", "ns", "gone").deleted());
    }

    @Test
    void anImmediateDeleteOfAPodAnswersThePod() {
        kmock.post(
                PODS,
                Map.of(
                        "metadata",
                        Map.of("name", "p"),
                        "spec",
                        Map.of("containers", List.of(Map.of("name", "c", "image", "i")))));
        KResponse deleted = kmock.delete(PODS + "/p");
        assertEquals(200, deleted.status(), deleted.text());
        assertEquals("Pod", json(deleted).get("kind"));
        assertTrue(kmock.objects().get("v1/pods", "ns", "p").deleted(), "a pod on no node goes at once");
    }

    @Test
    void aScheduledPodTerminatesForItsGracePeriodUntilDeletedWithNone() {
        kmock.post(
                PODS,
                Map.of(
                        "metadata",
                        Map.of("name", "p"),
                        "spec",
                        Map.of(
                                "nodeName",
                                "node-1",
                                "terminationGracePeriodSeconds",
                                45,
                                "containers",
                                List.of(Map.of("name", "c", "image", "i")))));
        KResponse terminating = kmock.delete(PODS + "/p");
        assertEquals(200, terminating.status(), terminating.text());
        assertEquals(45, meta(terminating.json()).get("deletionGracePeriodSeconds"));
        Instant at = Instant.parse((String) meta(terminating.json()).get("deletionTimestamp"));
        assertTrue(
                at.isAfter(Instant.now().plusSeconds(30)), "the deletion time is the end of the grace period: " + at);
        kmock.patch(PODS + "/p", Map.of("metadata", Map.of("labels", Map.of("still", "here"))));
        assertFalse(kmock.objects().get("v1/pods", "ns", "p").deleted(), "writes during the grace period keep it");

        KResponse gone = kmock.delete(PODS + "/p?gracePeriodSeconds=0");
        assertEquals(200, gone.status(), gone.text());
        assertTrue(kmock.objects().get("v1/pods", "ns", "p").deleted());
    }

    @Test
    void finalizersKeepAnObjectAnsweredWith200AndItsDeletionTimestamp() {
        configMap("held", List.of("example.com/hold"));
        KResponse held = kmock.delete(CMS + "/held");
        assertEquals(200, held.status(), held.text());
        assertNotNull(meta(held.json()).get("deletionTimestamp"));
        assertEquals(0, meta(held.json()).get("deletionGracePeriodSeconds"));
        assertFalse(kmock.objects().get("v1/configmaps", "ns", "held").deleted());
    }

    @Test
    void onlyOrphanDependentsFalseGetsA202() {
        configMap("held", List.of("example.com/hold"));
        assertEquals(202, kmock.delete(CMS + "/held?orphanDependents=false").status());
    }

    @Test
    void foregroundAndOrphanPropagationAddTheGarbageCollectorsFinalizers() {
        configMap("fg", List.of());
        configMap("or", List.of());
        KResponse foreground = kmock.delete(CMS + "/fg?propagationPolicy=Foreground");
        assertEquals(List.of("foregroundDeletion"), meta(foreground.json()).get("finalizers"));
        KResponse orphan = kmock.request(
                "DELETE",
                CMS + "/or",
                Map.of("kind", "DeleteOptions", "apiVersion", "v1", "propagationPolicy", "Orphan"),
                Map.of("Content-Type", "application/json"));
        assertEquals(200, orphan.status(), orphan.text());
        assertEquals(List.of("orphan"), meta(orphan.json()).get("finalizers"));
        assertNotNull(meta(kmock.objects().get("v1/configmaps", "ns", "or")).get("deletionTimestamp"));
    }

    @Test
    void backgroundPropagationDeletesAtOnce() {
        configMap("bg", List.of());
        assertEquals(200, kmock.delete(CMS + "/bg?propagationPolicy=Background").status());
        assertTrue(kmock.objects().get("v1/configmaps", "ns", "bg").deleted());
    }

    @Test
    void failedPreconditionsAre409sThatDeleteNothing() {
        configMap("kept", List.of());
        KResponse wrongUid = kmock.request(
                "DELETE",
                CMS + "/kept",
                Map.of("preconditions", Map.of("uid", "not-it")),
                Map.of("Content-Type", "application/json"));
        assertEquals(409, wrongUid.status(), wrongUid.text());
        assertTrue(
                ((String) json(wrongUid).get("message")).contains("Precondition failed: UID in precondition: not-it"));
        KResponse staleVersion = kmock.request(
                "DELETE",
                CMS + "/kept",
                Map.of("preconditions", Map.of("resourceVersion", "0")),
                Map.of("Content-Type", "application/json"));
        assertEquals(409, staleVersion.status(), staleVersion.text());
        assertFalse(kmock.objects().get("v1/configmaps", "ns", "kept").deleted());
    }

    @Test
    void anUnknownPropagationPolicyIsA422() {
        configMap("kept", List.of());
        assertEquals(422, kmock.delete(CMS + "/kept?propagationPolicy=Sideways").status());
        assertFalse(kmock.objects().get("v1/configmaps", "ns", "kept").deleted());
    }

    @Test
    void aDryRunDeleteAnswersAndLeavesNoTrace() throws Exception {
        configMap("kept", List.of());
        String before = (String)
                meta(kmock.objects().get("v1/configmaps", "ns", "kept")).get("resourceVersion");
        try (KStream watch = kmock.stream("GET", CMS + "?watch=true&resourceVersion=" + before)) {
            KResponse dry = kmock.delete(CMS + "/kept?dryRun=All");
            assertEquals(200, dry.status(), dry.text());
            assertEquals("Success", json(dry).get("status"));
            configMap("marker", List.of());
            String event = watch.readLine(Duration.ofSeconds(10));
            assertTrue(
                    event.contains("\"marker\""), "the first event after the dry run is the next real write: " + event);
        }
        assertFalse(kmock.objects().get("v1/configmaps", "ns", "kept").deleted());
        assertEquals(Long.parseLong(before) + 1, Long.parseLong((String)
                meta(kmock.objects().get("v1/configmaps", "ns", "marker")).get("resourceVersion")));
    }

    @Test
    void aNamespaceWithFinalizersTerminatesUntilFinalized() {
        // The namespace controller removes only its own finalizer, "kubernetes"; another one keeps the namespace.
        KResponse created = kmock.post(
                "/api/v1/namespaces",
                Map.of(
                        "metadata",
                        Map.of("name", "doomed"),
                        "spec",
                        Map.of("finalizers", List.of("example.com/audit"))));
        assertEquals(201, created.status(), created.text());
        KResponse terminating = kmock.delete("/api/v1/namespaces/doomed");
        assertEquals(200, terminating.status(), terminating.text());
        assertEquals("Terminating", ((Map<?, ?>) json(terminating).get("status")).get("phase"));
        assertFalse(kmock.objects().get("v1/namespaces", null, "doomed").deleted());

        KResponse finalized = kmock.put(
                "/api/v1/namespaces/doomed/finalize",
                Map.of(
                        "apiVersion",
                        "v1",
                        "kind",
                        "Namespace",
                        "metadata",
                        Map.of("name", "doomed"),
                        "spec",
                        Map.of("finalizers", List.of())));
        assertEquals(200, finalized.status(), finalized.text());
        assertTrue(kmock.objects().get("v1/namespaces", null, "doomed").deleted());
    }

    @Test
    void aDeletedNamespaceTakesItsContentAlongAndGoes() {
        assertEquals(
                201,
                kmock.post("/api/v1/namespaces", Map.of("metadata", Map.of("name", "gone")))
                        .status());
        assertEquals(
                201,
                kmock.post("/api/v1/namespaces/gone/configmaps", Map.of("metadata", Map.of("name", "cfg")))
                        .status());
        assertEquals(
                201,
                kmock.post("/api/v1/namespaces/other/configmaps", Map.of("metadata", Map.of("name", "cfg")))
                        .status());

        KResponse deleted = kmock.delete("/api/v1/namespaces/gone");

        assertEquals(200, deleted.status(), deleted.text());
        assertEquals(
                "Terminating",
                ((Map<?, ?>) json(deleted).get("status")).get("phase"),
                "the answer is the terminating namespace");
        assertTrue(kmock.objects().get("v1/configmaps", "gone", "cfg").deleted());
        assertTrue(
                kmock.objects().get("v1/namespaces", null, "gone").deleted(), "the namespace controller finalized it");
        assertFalse(kmock.objects().get("v1/configmaps", "other", "cfg").deleted());
    }

    @Test
    void aDeletedCustomResourceDefinitionTakesItsObjectsAndResourceAlong() {
        Map<String, Object> crd = new WidgetDefinition().manifest();
        assertEquals(
                201,
                kmock.post("/apis/apiextensions.k8s.io/v1/customresourcedefinitions", crd)
                        .status());
        String widgets = "/apis/example.com/v1/namespaces/ns/widgets";
        assertEquals(201, kmock.post(widgets, WidgetDefinition.widget("w")).status());

        KResponse deleted = kmock.delete("/apis/apiextensions.k8s.io/v1/customresourcedefinitions/widgets.example.com");
        assertEquals(200, deleted.status(), deleted.text());
        assertNotNull(meta(deleted.json()).get("deletionTimestamp"));
        assertTrue(kmock.objects().get("example.com/v1/widgets", "ns", "w").deleted());
        assertTrue(kmock.objects()
                .get("apiextensions.k8s.io/v1/customresourcedefinitions", null, "widgets.example.com")
                .deleted());
        assertNull(kmock.resources().get("example.com/v1/widgets").kind(), "the resource is no longer declared");
    }
}
