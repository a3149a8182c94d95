package kmock.handlers;

import static kmock.handlers.ExpectedJson.at;
import static kmock.handlers.ExpectedJson.expected;
import static kmock.handlers.ExpectedJson.parse;
import static kmock.handlers.WidgetDefinition.CRDS;
import static kmock.handlers.WidgetDefinition.WIDGETS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;

import kmock.api.KResponse;

/**
 * CustomResourceDefinitions and their resources as the apiextensions-apiserver stores them: a definition is
 * {@code Established} at once, and custom resources get their schema's defaults and the status and generation
 * rules of the custom resource strategy, with and without the status subresource.
 */
@BothTransports
class EmulatorCustomResourcesTest {

    private static final Map<String, String> MERGE = Map.of("Content-Type", "application/merge-patch+json");

    @Parameter
    String transport;

    @RegisterExtension
    final Served served = new Served();

    private KubernetesEmulator kmock;

    @BeforeEach
    void start() {
        kmock = served.emulator(transport);
    }

    private Map<?, ?> ok(KResponse response) {
        assertEquals(response.status() == 201 ? 201 : 200, response.status(), response.text());
        return (Map<?, ?>) response.json();
    }

    /** A definition of {@code widgets.example.com} with a short name and a schema full of defaults. */
    private static WidgetDefinition definition() {
        return new WidgetDefinition()
                .names(parse("{\"plural\": \"widgets\", \"kind\": \"Widget\", \"shortNames\": [\"wd\"]}"))
                .schema(parse("""
                        {"type": "object", "properties": {
                          "spec": {"type": "object", "default": {}, "properties": {
                            "size": {"type": "integer", "default": 1},
                            "mode": {"type": "string", "default": "fast"},
                            "limits": {"type": "object", "default": {}, "properties": {
                              "cpu": {"type": "string", "default": "1"}}},
                            "ports": {"type": "array", "items": {"type": "object", "properties": {
                              "port": {"type": "integer"},
                              "protocol": {"type": "string", "default": "TCP"}}}},
                            "routes": {"type": "object", "additionalProperties": {"type": "object",
                              "properties": {"weight": {"type": "integer", "default": 100}}}},
                            "note": {"type": "string"}}},
                          "status": {"type": "object", "properties": {
                            "phase": {"type": "string"}}}}}"""));
    }

    private static String widget(String body) {
        return "{\"apiVersion\": \"example.com/v1\", \"kind\": \"Widget\", \"metadata\": {\"name\": \"w\"}" + body
                + "}";
    }

    @Test
    void aCreatedDefinitionIsEstablishedAtOnce() {
        Map<?, ?> crd = ok(kmock.post(CRDS, definition().manifest()));
        String time = at(crd, "status", "conditions", "0", "lastTransitionTime");
        assertEquals(expected("""
                {"conditions": [
                   {"type": "NamesAccepted", "status": "True", "lastTransitionTime": "<time>",
                    "reason": "NoConflicts", "message": "no conflicts found"},
                   {"type": "Established", "status": "True", "lastTransitionTime": "<time>",
                    "reason": "InitialNamesAccepted", "message": "the initial names have been accepted"}],
                 "acceptedNames": {"plural": "widgets", "singular": "widget", "shortNames": ["wd"], "kind": "Widget",
                                   "listKind": "WidgetList"},
                 "storedVersions": ["v1"]}""", Map.of("time", time)), crd.get("status"));
        assertEquals(Map.of("strategy", "None"), at(crd, "spec", "conversion"));
        assertEquals(1, (int) at(crd, "metadata", "generation"));
        assertEquals(crd, kmock.get(CRDS + "/widgets.example.com").json());
    }

    @Test
    void aDefinitionLoadedFromAManifestIsEstablishedToo() {
        kmock.objects().load(definition().json());
        Map<?, ?> crd = (Map<?, ?>) kmock.get(CRDS + "/widgets.example.com").json();
        assertEquals(
                List.of("NamesAccepted", "Established"),
                ((List<?>) at(crd, "status", "conditions"))
                        .stream()
                                .map(condition -> ((Map<?, ?>) condition).get("type"))
                                .toList());
        assertEquals("True", at(crd, "status", "conditions", "1", "status"));
        assertEquals(201, kmock.post(WIDGETS, parse(widget(""))).status(), "its resource is served");
    }

    @SuppressWarnings({"unchecked", "cast"
    }) // JSON objects read back are maps; the (Object) cast picks assertEquals(Object, Object)
    @Test
    void aNewStorageVersionJoinsTheStoredVersions() {
        Map<?, ?> crd = ok(kmock.post(CRDS, definition().manifest()));
        Map<String, Object> changed = definition().manifest();
        List<Object> versions = at(changed, "spec", "versions");
        Map<String, Object> v2 = new java.util.LinkedHashMap<>(at(changed, "spec", "versions", "0"));
        v2.put("name", "v2");
        ((Map<String, Object>) at(changed, "spec", "versions", "0")).put("storage", false);
        versions.add(v2);
        Map<?, ?> updated = ok(kmock.put(CRDS + "/widgets.example.com", changed));
        assertEquals(List.of("v1", "v2"), at(updated, "status", "storedVersions"));
        assertEquals(2, (int) at(updated, "metadata", "generation"));
        assertEquals(
                (Object) at(crd, "status", "conditions"),
                at(updated, "status", "conditions"),
                "conditions that stay true keep their transition time");
    }

    @Test
    void aCustomResourceGetsItsSchemaDefaultsAtEveryDepth() {
        ok(kmock.post(CRDS, definition().manifest()));
        Map<?, ?> widget = ok(kmock.post(WIDGETS, parse(widget("""
                , "spec": {"size": 3, "note": null, "ports": [{"port": 80}, {"port": 53, "protocol": "UDP"}],
                           "routes": {"a": {}, "b": {"weight": 5}}}"""))));
        assertEquals(parse("""
                {"limits": {"cpu": "1"}, "mode": "fast", "ports": [{"port": 80, "protocol": "TCP"}, {"port": 53, "protocol": "UDP"}],
                 "routes": {"a": {"weight": 100}, "b": {"weight": 5}}, "size": 3}"""), widget.get("spec"));
        assertEquals(
                List.of("limits", "mode", "ports", "routes", "size"),
                List.copyOf(((Map<?, ?>) widget.get("spec")).keySet()),
                "keys sorted, as unstructured objects are stored");
    }

    @Test
    void aMissingParentObjectIsDefaultedWithItsOwnDefaults() {
        ok(kmock.post(CRDS, definition().manifest()));
        Map<?, ?> widget = ok(kmock.post(WIDGETS, parse(widget(""))));
        assertEquals(parse("{\"limits\": {\"cpu\": \"1\"}, \"mode\": \"fast\", \"size\": 1}"), widget.get("spec"));
    }

    @Test
    void withTheStatusSubresourceACreateIgnoresTheGivenStatus() {
        ok(kmock.post(CRDS, definition().statusSubresource().manifest()));
        Map<?, ?> widget = ok(kmock.post(WIDGETS, parse(widget(", \"status\": {\"phase\": \"Ready\"}"))));
        assertFalse(widget.containsKey("status"));
    }

    @Test
    void withTheStatusSubresourceMainUpdatesKeepTheStatusAndOnlySpecChangesBumpTheGeneration() {
        ok(kmock.post(CRDS, definition().statusSubresource().manifest()));
        ok(kmock.post(WIDGETS, parse(widget(""))));
        Map<?, ?> status = ok(kmock.patch(WIDGETS + "/w/status", parse("{\"status\": {\"phase\": \"Ready\"}}"), MERGE));
        assertEquals(1, (int) at(status, "metadata", "generation"));
        Map<?, ?> main = ok(kmock.patch(
                WIDGETS + "/w", parse("{\"spec\": {\"size\": 2}, \"status\": {\"phase\": \"Gone\"}}"), MERGE));
        assertEquals(Map.of("phase", "Ready"), main.get("status"));
        assertEquals(2, (int) at(main, "metadata", "generation"));
    }

    @Test
    void withoutTheStatusSubresourceStatusIsAnOrdinaryField() {
        ok(kmock.post(CRDS, definition().manifest()));
        Map<?, ?> created = ok(kmock.post(WIDGETS, parse(widget(", \"status\": {\"phase\": \"Ready\"}"))));
        assertEquals(Map.of("phase", "Ready"), created.get("status"));
        Map<?, ?> updated = ok(kmock.patch(WIDGETS + "/w", parse("{\"status\": {\"phase\": \"Gone\"}}"), MERGE));
        assertEquals(Map.of("phase", "Gone"), updated.get("status"));
        assertEquals(2, (int) at(updated, "metadata", "generation"), "any change but metadata bumps it");
    }

    @Test
    void aMetadataChangeOfACustomResourceKeepsItsGeneration() {
        ok(kmock.post(CRDS, definition().manifest()));
        ok(kmock.post(WIDGETS, parse(widget(""))));
        Map<?, ?> labelled =
                ok(kmock.patch(WIDGETS + "/w", parse("{\"metadata\": {\"labels\": {\"a\": \"b\"}}}"), MERGE));
        assertEquals(1, (int) at(labelled, "metadata", "generation"));
    }
}
