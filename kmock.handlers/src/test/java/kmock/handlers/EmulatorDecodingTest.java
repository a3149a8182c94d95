package kmock.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;

import kmock.api.KResponse;

/**
 * Writes are decoded as the API server decodes them into its types: unknown fields are dropped, refused or warned
 * about as {@code fieldValidation} says, wrong types are a 400, and built-in kinds are stored as Go writes them.
 */
@BothTransports
class EmulatorDecodingTest {

    private static final String DEPLOYMENTS = "/apis/apps/v1/namespaces/ns/deployments";

    @Parameter
    String transport;

    @RegisterExtension
    final Served served = new Served();

    private KubernetesEmulator kmock;

    @BeforeEach
    void start() {
        kmock = served.emulator(transport);
    }

    private static Map<String, Object> deployment(String name) {
        Map<String, Object> container = new LinkedHashMap<>(Map.of("name", "app", "image", "nginx"));
        return new LinkedHashMap<>(Map.of(
                "apiVersion",
                "apps/v1",
                "kind",
                "Deployment",
                "metadata",
                new LinkedHashMap<>(Map.of("name", name)),
                "spec",
                new LinkedHashMap<>(Map.of(
                        "selector", Map.of("matchLabels", Map.of("app", name)),
                        "template",
                                Map.of(
                                        "metadata",
                                        Map.of("labels", Map.of("app", name)),
                                        "spec",
                                        Map.of("containers", List.of(container)))))));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> at(Object object, String... path) {
        Object current = object;
        for (String step : path) {
            current = current instanceof List<?> list
                    ? list.get(Integer.parseInt(step))
                    : ((Map<String, Object>) current).get(step);
        }
        return (Map<String, Object>) current;
    }

    @Test
    void aBuiltInObjectIsStoredAsGoWritesItsStruct() {
        KResponse created = kmock.post(DEPLOYMENTS, deployment("web"));
        assertEquals(201, created.status(), created.text());
        KObject stored = kmock.objects().get("apps/v1/deployments", "ns", "web");
        Map<String, Object> template = at(stored, "spec", "template");
        assertTrue(at(template, "metadata").containsKey("creationTimestamp"), "a zero metav1.Time is written as null");
        assertNull(at(template, "metadata").get("creationTimestamp"));
        assertEquals(Map.of(), at(template, "spec", "containers", "0", "resources"), "a struct is never omitted");
        assertEquals(Map.of(), stored.get("status"), "the status starts at zero");
        assertEquals(List.of("apiVersion", "kind", "metadata", "spec", "status"), new ArrayList<>(stored.keySet()));
    }

    @Test
    void quantitiesAreStoredAsGoWritesThem() {
        Map<String, Object> body = deployment("web");
        at(body, "spec", "template", "spec", "containers", "0")
                .put(
                        "resources",
                        Map.of(
                                "requests",
                                Map.of("cpu", 0.5, "memory", "1024Mi"),
                                "limits",
                                Map.of("cpu", "1000m", "memory", "100Mi")));
        assertEquals(201, kmock.post(DEPLOYMENTS, body).status());
        Map<String, Object> resources = at(
                kmock.objects().get("apps/v1/deployments", "ns", "web"),
                "spec",
                "template",
                "spec",
                "containers",
                "0",
                "resources");
        assertEquals(Map.of("cpu", "500m", "memory", "1Gi"), resources.get("requests"));
        assertEquals(Map.of("cpu", "1", "memory", "100Mi"), resources.get("limits"));
    }

    @Test
    void emptyOmittableValuesAreDropped() {
        Map<String, Object> body = deployment("web");
        at(body, "metadata").put("labels", Map.of());
        at(body, "spec").put("paused", false);
        assertEquals(201, kmock.post(DEPLOYMENTS, body).status());
        KObject stored = kmock.objects().get("apps/v1/deployments", "ns", "web");
        assertFalse(at(stored, "metadata").containsKey("labels"));
        assertFalse(at(stored, "spec").containsKey("paused"));
    }

    @Test
    void unknownFieldsAreDroppedWithAWarningByDefault() {
        Map<String, Object> body = deployment("web");
        at(body, "spec").put("replicaz", 3);
        KResponse created = kmock.post(DEPLOYMENTS, body);
        assertEquals(201, created.status(), created.text());
        assertEquals(
                List.of("299 - \"unknown field \\\"spec.replicaz\\\"\""),
                created.headers().get("Warning"));
        assertFalse(at(kmock.objects().get("apps/v1/deployments", "ns", "web"), "spec")
                .containsKey("replicaz"));
    }

    @Test
    void unknownFieldsAreA400InStrictModeAndNothingIsStored() {
        Map<String, Object> body = deployment("web");
        at(body, "spec", "template", "spec", "containers", "0").put("imagePolicy", "x");
        KResponse refused = kmock.post(DEPLOYMENTS + "?fieldValidation=Strict", body);
        assertEquals(400, refused.status(), refused.text());
        assertEquals(
                "Deployment in version \"v1\" cannot be handled as a Deployment: strict decoding error: "
                        + "unknown field \"spec.template.spec.containers[0].imagePolicy\"",
                ((Map<?, ?>) refused.json()).get("message"));
        assertTrue(kmock.objects().keys().isEmpty());
    }

    @Test
    void unknownFieldsAreDroppedSilentlyWhenIgnored() {
        Map<String, Object> body = deployment("web");
        at(body, "metadata").put("nickname", "w");
        KResponse created = kmock.post(DEPLOYMENTS + "?fieldValidation=Ignore", body);
        assertEquals(201, created.status(), created.text());
        assertNull(created.header("Warning"));
        assertFalse(at(kmock.objects().get("apps/v1/deployments", "ns", "web"), "metadata")
                .containsKey("nickname"));
    }

    @Test
    void aValueOfTheWrongTypeIsA400() {
        Map<String, Object> body = deployment("web");
        at(body, "spec").put("replicas", "three");
        KResponse refused = kmock.post(DEPLOYMENTS, body);
        assertEquals(400, refused.status(), refused.text());
        assertEquals(
                "Deployment in version \"v1\" cannot be handled as a Deployment: json: cannot unmarshal string into "
                        + "Go struct field DeploymentSpec.spec.replicas of type int32",
                ((Map<?, ?>) refused.json()).get("message"));
        assertTrue(kmock.objects().keys().isEmpty());
    }

    @Test
    void anUnknownFieldValidationValueIsA400() {
        KResponse refused = kmock.post(DEPLOYMENTS + "?fieldValidation=Loose", deployment("web"));
        assertEquals(400, refused.status(), refused.text());
        assertTrue(kmock.objects().keys().isEmpty());
    }

    @Test
    void aResourceWithoutSchemaKeepsWhatItIsGiven() {
        Map<String, Object> body = Map.of(
                "apiVersion",
                "kopf.dev/v1",
                "kind",
                "KopfExample",
                "metadata",
                Map.of("name", "k"),
                "spec",
                Map.of("anything", List.of(1, "two")),
                "extra",
                true);
        kmock.resources().put("kopf.dev/v1/kopfexamples", Map.of("kind", "KopfExample", "namespaced", true));
        KResponse created = kmock.post("/apis/kopf.dev/v1/namespaces/ns/kopfexamples?fieldValidation=Strict", body);
        assertEquals(201, created.status(), created.text());
        KObject stored = kmock.objects().get("kopf.dev/v1/kopfexamples", "ns", "k");
        assertEquals(true, stored.get("extra"));
        assertEquals(Map.of("anything", List.of(1, "two")), stored.get("spec"));
    }
}
