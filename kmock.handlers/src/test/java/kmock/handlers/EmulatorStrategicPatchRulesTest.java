package kmock.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;

import kmock.api.KResponse;
import kmock.api.KStream;
import kmock.internal.json.Json;

/**
 * Which PATCHes the emulator merges strategically, over real HTTP: built-in kinds by their schema; custom resources
 * refused with 415 as kube-apiserver does; kinds without a schema and plain storage as merge patches; and a refused
 * patch leaves no trace.
 */
@BothTransports
class EmulatorStrategicPatchRulesTest {

    private static final Map<String, String> STRATEGIC =
            Map.of("Content-Type", "application/strategic-merge-patch+json");
    private static final String DEPLOYMENTS = "/apis/apps/v1/namespaces/ns/deployments";
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @Parameter
    String transport;

    @RegisterExtension
    final Served served = new Served();

    private KubernetesEmulator kmock;

    private void start(KubernetesEmulator emulator) {
        kmock = emulator;
        kmock.resources().loadBundled();
        served.serve(kmock, transport);
    }

    private static byte[] json(String text) {
        return text.replace('\'', '"').getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, Object> deployment() {
        return Map.of(
                "apiVersion",
                "apps/v1",
                "kind",
                "Deployment",
                "metadata",
                Map.of("name", "web"),
                "spec",
                Map.of(
                        "selector",
                        Map.of("matchLabels", Map.of("app", "web")),
                        "template",
                        Map.of(
                                "metadata",
                                Map.of("labels", Map.of("app", "web")),
                                "spec",
                                Map.of(
                                        "containers",
                                        List.of(
                                                Map.of("name", "web", "image", "nginx"),
                                                Map.of("name", "sidecar", "image", "busybox"))))));
    }

    private static List<?> containers(Object deployment) {
        return (List<?>) ((Map<?, ?>)
                        ((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) deployment).get("spec")).get("template")).get("spec"))
                .get("containers");
    }

    @Test
    void aBuiltInKindMergesContainersByName() {
        start(new KubernetesEmulator());
        assertEquals(201, kmock.post(DEPLOYMENTS, deployment()).status());
        KResponse patched = kmock.patch(
                DEPLOYMENTS + "/web",
                json("{'spec':{'template':{'spec':{'containers':[{'name':'web','image':'nginx:2'}]}}}}"),
                STRATEGIC);
        assertEquals(200, patched.status(), patched.text());
        KObject.assertMatches(
                List.of(Map.of("name", "web", "image", "nginx:2"), Map.of("name", "sidecar", "image", "busybox")),
                containers(patched.json()));
    }

    @Test
    void plainStorageMergesAStrategicPatchAsAMergePatch() {
        start(KubernetesEmulator.builder().managedMetadata(false).build());
        kmock.objects().put("apps/v1/deployments", "ns", "web", deployment());
        KResponse patched = kmock.patch(
                DEPLOYMENTS + "/web",
                json("{'spec':{'template':{'spec':{'containers':[{'name':'web','image':'nginx:2'}]}}}}"),
                STRATEGIC);
        assertEquals(200, patched.status(), patched.text());
        assertEquals(
                List.of(Map.of("name", "web", "image", "nginx:2")), containers(patched.json()), "the list is replaced");
    }

    @Test
    void aKindNobodyDeclaredASchemaForMergesAsAMergePatch() {
        start(new KubernetesEmulator());
        kmock.resources().put("example.com/v1/things", new ResourceInfo().kind("Thing"));
        String things = "/apis/example.com/v1/namespaces/ns/things";
        assertEquals(
                201,
                kmock.post(things, Map.of("metadata", Map.of("name", "t"), "items", List.of(Map.of("name", "a"))))
                        .status());
        KResponse patched = kmock.patch(things + "/t", json("{'items':[{'name':'b'}]}"), STRATEGIC);
        assertEquals(200, patched.status(), patched.text());
        assertEquals(List.of(Map.of("name", "b")), ((Map<?, ?>) patched.json()).get("items"));
    }

    @Test
    void aCustomResourceRefusesAStrategicPatchWithTheAcceptedTypes() {
        start(new KubernetesEmulator());
        Map<String, Object> crd = new WidgetDefinition().manifest();
        assertEquals(
                201,
                kmock.post("/apis/apiextensions.k8s.io/v1/customresourcedefinitions", crd)
                        .status());
        String widgets = "/apis/example.com/v1/namespaces/ns/widgets";
        assertEquals(
                201,
                kmock.post(widgets, WidgetDefinition.widget("w", Map.of("size", 1)))
                        .status());

        KResponse refused = kmock.patch(widgets + "/w", json("{'spec':{'size':2}}"), STRATEGIC);
        assertEquals(415, refused.status(), refused.text());
        Map<?, ?> status = (Map<?, ?>) refused.json();
        assertEquals("UnsupportedMediaType", status.get("reason"));
        assertEquals(
                "the body of the request was in an unknown format - accepted media types include: "
                        + "application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml",
                status.get("message"));
        KResponse merged = kmock.patch(
                widgets + "/w", json("{'spec':{'size':2}}"), Map.of("Content-Type", "application/merge-patch+json"));
        assertEquals(200, merged.status(), merged.text());
    }

    @Test
    void aRefusedPatchLeavesTheStoreByteForByteAndSendsNoEvent() {
        start(new KubernetesEmulator());
        assertEquals(201, kmock.post(DEPLOYMENTS, deployment()).status());
        String before = Json.toText(
                kmock.objects().get("apps/v1/deployments", "ns", "web").history());
        String version = (String)
                ((Map<?, ?>) ((Map<?, ?>) kmock.get(DEPLOYMENTS).json()).get("metadata")).get("resourceVersion");
        try (KStream watch = kmock.stream("GET", "/apis/apps/v1/deployments?watch=true&resourceVersion=" + version)) {
            KResponse refused = kmock.patch(
                    DEPLOYMENTS + "/web",
                    json("{'spec':{'template':{'spec':{'containers':[{'image':'nginx:2'}]}}}}"),
                    STRATEGIC);
            assertEquals(500, refused.status(), refused.text());
            assertEquals(
                    "map: map[image:nginx:2] does not contain declared merge key: name",
                    ((Map<?, ?>) refused.json()).get("message"));
            assertEquals(null, ((Map<?, ?>) refused.json()).get("reason"), "the API server gives this 500 no reason");

            assertEquals(
                    before,
                    Json.toText(kmock.objects()
                            .get("apps/v1/deployments", "ns", "web")
                            .history()));
            Map<String, Object> after = new java.util.HashMap<>(deployment());
            after.put("metadata", Map.of("name", "after"));
            assertEquals(201, kmock.post(DEPLOYMENTS, after).status());
            String line = watch.readLine(PATIENCE);
            assertNotNull(line, "an event within " + PATIENCE);
            Map<?, ?> event = (Map<?, ?>) Json.parse(line);
            assertEquals("ADDED", event.get("type"), "the first event is the later create: " + line);
            assertEquals("after", ((Map<?, ?>) ((Map<?, ?>) event.get("object")).get("metadata")).get("name"));
        }
        assertEquals(List.of(), kmock.errors(), "a refused patch is the client's error, not the emulator's");
    }
}
