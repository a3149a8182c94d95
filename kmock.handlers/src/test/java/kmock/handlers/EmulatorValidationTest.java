package kmock.handlers;

import static kmock.handlers.WidgetDefinition.WIDGETS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

/** Invalid objects are refused with the API server's 422, one cause per problem, and nothing is stored. */
@BothTransports
class EmulatorValidationTest {

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

    private static Map<String, Object> deployment(String name, Map<String, ?> selector, Map<String, ?> labels) {
        Map<String, Object> spec = new LinkedHashMap<>();
        if (selector != null) {
            spec.put("selector", Map.of("matchLabels", selector));
        }
        spec.put(
                "template",
                Map.of(
                        "metadata",
                        Map.of("labels", labels),
                        "spec",
                        Map.of("containers", List.of(Map.of("name", "app", "image", "nginx")))));
        return Map.of("apiVersion", "apps/v1", "kind", "Deployment", "metadata", Map.of("name", name), "spec", spec);
    }

    private static String message(KResponse response) {
        return (String) ((Map<?, ?>) response.json()).get("message");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> causes(KResponse response) {
        return (List<Map<String, Object>>) ((Map<?, ?>) ((Map<?, ?>) response.json()).get("details")).get("causes");
    }

    private void assertInvalid(KResponse response, String expectedMessage) {
        assertEquals(422, response.status(), response.text());
        assertEquals("Invalid", ((Map<?, ?>) response.json()).get("reason"));
        assertEquals(expectedMessage, message(response));
    }

    @Test
    void aNameThatBreaksTheKindsRuleIsInvalid() {
        KResponse configMap =
                kmock.post("/api/v1/namespaces/ns/configmaps", Map.of("metadata", Map.of("name", "Bad_Name")));
        assertInvalid(
                configMap,
                "ConfigMap \"Bad_Name\" is invalid: metadata.name: Invalid value: \"Bad_Name\": a lowercase "
                        + "RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end "
                        + "with an alphanumeric character (e.g. 'example.com', regex used for validation is "
                        + "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')");
        assertEquals(
                List.of(Map.of(
                        "reason",
                        "FieldValueInvalid",
                        "field",
                        "metadata.name",
                        "message",
                        message(configMap).substring("ConfigMap \"Bad_Name\" is invalid: metadata.name: ".length()))),
                causes(configMap));
        KResponse service = kmock.post(
                "/api/v1/namespaces/ns/services",
                Map.of("metadata", Map.of("name", "1st"), "spec", Map.of("ports", List.of(Map.of("port", 80)))));
        assertEquals(422, service.status(), service.text());
        assertTrue(
                message(service)
                        .contains("a DNS-1035 label must consist of lower case alphanumeric characters or '-', "
                                + "start with an alphabetic character"),
                message(service));
        KResponse namespace = kmock.post("/api/v1/namespaces", Map.of("metadata", Map.of("name", "a.b")));
        assertTrue(message(namespace).contains("a lowercase RFC 1123 label must consist of"), message(namespace));
        KResponse role = kmock.post(
                "/apis/rbac.authorization.k8s.io/v1/clusterroles", Map.of("metadata", Map.of("name", "system:reader")));
        assertEquals(201, role.status(), "RBAC names are path segments: " + role.text());
        assertTrue(
                kmock.objects().keys().stream().noneMatch(key -> key.toString().contains("Bad_Name")));
    }

    @Test
    void aMissingSelectorIsRequired() {
        assertInvalid(
                kmock.post(DEPLOYMENTS, deployment("web", null, Map.of("app", "web"))),
                "Deployment.apps \"web\" is invalid: spec.selector: Required value");
    }

    @Test
    void aSelectorThatMissesTheTemplateIsInvalid() {
        KResponse response = kmock.post(DEPLOYMENTS, deployment("web", Map.of("app", "web"), Map.of("app", "other")));
        assertInvalid(
                response,
                "Deployment.apps \"web\" is invalid: spec.template.metadata.labels: Invalid value: "
                        + "map[string]string{\"app\":\"other\"}: `selector` does not match template `labels`");
        assertTrue(kmock.objects().keys().isEmpty());
    }

    @Test
    void everyProblemIsACauseOfOneAnswer() {
        KResponse response = kmock.post(
                "/api/v1/namespaces/ns/pods",
                Map.of(
                        "metadata",
                        Map.of("name", "p"),
                        "spec",
                        Map.of(
                                "restartPolicy",
                                "Sometimes",
                                "containers",
                                List.of(Map.of("name", "app"), Map.of("name", "app", "image", "i")))));
        assertEquals(422, response.status(), response.text());
        List<String> fields = new ArrayList<>();
        causes(response).forEach(cause -> fields.add(cause.get("field") + " " + cause.get("reason")));
        assertTrue(
                fields.containsAll(List.of(
                        "spec.restartPolicy FieldValueNotSupported",
                        "spec.containers[0].image FieldValueRequired",
                        "spec.containers[1].name FieldValueDuplicate")),
                fields.toString());
        assertTrue(message(response).startsWith("Pod \"p\" is invalid: ["), message(response));
        assertTrue(
                message(response)
                        .contains("spec.restartPolicy: Unsupported value: \"Sometimes\": supported values: "
                                + "\"Always\", \"OnFailure\", \"Never\""),
                message(response));
    }

    @Test
    void aWorkloadsSelectorCannotChange() {
        assertEquals(
                201,
                kmock.post(DEPLOYMENTS, deployment("web", Map.of("app", "web"), Map.of("app", "web", "v", "1")))
                        .status());
        KResponse changed =
                kmock.put(DEPLOYMENTS + "/web", deployment("web", Map.of("v", "1"), Map.of("app", "web", "v", "1")));
        assertEquals(422, changed.status(), changed.text());
        assertEquals("spec.selector", causes(changed).get(0).get("field"));
        assertTrue(message(changed).endsWith(": field is immutable"), message(changed));
        assertEquals(Map.of("app", "web"), ((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) kmock.objects()
                                .get("apps/v1/deployments", "ns", "web")
                                .get("spec"))
                        .get("selector"))
                .get("matchLabels")));
    }

    @Test
    void anImmutableConfigMapKeepsItsData() {
        String url = "/api/v1/namespaces/ns/configmaps";
        assertEquals(
                201,
                kmock.post(
                                url,
                                Map.of(
                                        "metadata",
                                        Map.of("name", "frozen"),
                                        "data",
                                        Map.of("a", "1"),
                                        "immutable",
                                        true))
                        .status());
        KResponse changed = kmock.patch(url + "/frozen", Map.of("data", Map.of("a", "2")));
        assertInvalid(
                changed,
                "ConfigMap \"frozen\" is invalid: data: Forbidden: field is immutable when `immutable` is set");
        KResponse thawed = kmock.patch(url + "/frozen", Map.of("immutable", false));
        assertEquals(422, thawed.status(), thawed.text());
        assertEquals(
                Map.of("a", "1"),
                kmock.objects().get("v1/configmaps", "ns", "frozen").get("data"));
    }

    @Test
    void badConfigKeysAreInvalid() {
        KResponse response = kmock.post(
                "/api/v1/namespaces/ns/configmaps",
                Map.of("metadata", Map.of("name", "c"), "data", Map.of("bad key", "v")));
        assertEquals(422, response.status(), response.text());
        assertEquals("data[bad key]", causes(response).get(0).get("field"));
    }

    private void widgetCrd() {
        Map<String, Object> spec = Map.of(
                "type",
                "object",
                "required",
                List.of("color"),
                "properties",
                Map.of(
                        "replicas", Map.of("type", "integer", "minimum", 1, "maximum", 10),
                        "color", Map.of("type", "string", "enum", List.of("red", "green")),
                        "name", Map.of("type", "string", "pattern", "^[a-z]+$", "maxLength", 5),
                        "items", Map.of("type", "array", "maxItems", 2, "items", Map.of("type", "string"))));
        Map<String, Object> crd = new WidgetDefinition()
                .schema(Map.of("type", "object", "properties", Map.of("spec", spec)))
                .manifest();
        KResponse created = kmock.post(WidgetDefinition.CRDS, crd);
        assertEquals(201, created.status(), created.text());
    }

    private KResponse widget(Map<String, ?> spec) {
        return kmock.post(WIDGETS, WidgetDefinition.widget("w", spec));
    }

    @Test
    void aCustomResourceIsCheckedAgainstItsSchema() {
        widgetCrd();
        assertInvalid(
                widget(Map.of("color", "red", "replicas", 11)),
                "Widget.example.com \"w\" is invalid: spec.replicas: "
                        + "Invalid value: 11: spec.replicas in body should be less than or equal to 10");
        assertInvalid(
                widget(Map.of("color", "red", "replicas", 0)),
                "Widget.example.com \"w\" is invalid: spec.replicas: "
                        + "Invalid value: 0: spec.replicas in body should be greater than or equal to 1");
        assertInvalid(
                widget(Map.of("color", "pink")),
                "Widget.example.com \"w\" is invalid: spec.color: Unsupported value: "
                        + "\"pink\": supported values: \"red\", \"green\"");
        assertInvalid(widget(Map.of()), "Widget.example.com \"w\" is invalid: spec.color: Required value");
        assertInvalid(
                widget(Map.of("color", "red", "replicas", "three")),
                "Widget.example.com \"w\" is invalid: "
                        + "spec.replicas: Invalid value: \"string\": spec.replicas in body must be of type integer: \"string\"");
        assertInvalid(
                widget(Map.of("color", "red", "name", "ABC")),
                "Widget.example.com \"w\" is invalid: spec.name: "
                        + "Invalid value: \"ABC\": spec.name in body should match '^[a-z]+$'");
        assertInvalid(
                widget(Map.of("color", "red", "name", "abcdef")),
                "Widget.example.com \"w\" is invalid: spec.name: " + "Too long: may not be more than 5 bytes");
        assertInvalid(
                widget(Map.of("color", "red", "items", List.of("a", "b", "c"))),
                "Widget.example.com \"w\" is invalid: " + "spec.items: Too many: 3: must have at most 2 items");
        assertEquals(
                201,
                widget(Map.of("color", "green", "replicas", 3, "name", "ok", "items", List.of("a")))
                        .status());
    }

    @Test
    void aCustomResourceDropsFieldsItsSchemaDoesNotDeclare() {
        widgetCrd();
        KResponse created = kmock.post(
                WIDGETS + "?fieldValidation=Warn",
                WidgetDefinition.widget("w", Map.of("color", "red", "shade", "dark")));
        assertEquals(201, created.status(), created.text());
        assertEquals(
                List.of("299 - \"unknown field \\\"spec.shade\\\"\""),
                created.headers().get("Warning"));
        assertFalse(((Map<?, ?>)
                        kmock.objects().get("example.com/v1/widgets", "ns", "w").get("spec"))
                .containsKey("shade"));
        KResponse strict = kmock.post(
                WIDGETS + "?fieldValidation=Strict",
                WidgetDefinition.widget("w2", Map.of("color", "red", "shade", "dark")));
        assertEquals(400, strict.status(), strict.text());
    }
}
