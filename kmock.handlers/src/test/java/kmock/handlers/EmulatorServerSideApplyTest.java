package kmock.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;

import kmock.api.KResponse;
import kmock.internal.json.Json;

/** Server-side apply and managedFields over real HTTP: what kubectl, fabric8 and client-java rely on. */
@BothTransports
class EmulatorServerSideApplyTest {

    private static final String CMS = "/api/v1/namespaces/ns/configmaps";
    private static final String DEPLOYMENTS = "/apis/apps/v1/namespaces/ns/deployments";
    private static final Map<String, String> APPLY = Map.of("Content-Type", "application/apply-patch+yaml");
    private static final String CM = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: '1'\n";

    @Parameter
    String transport;

    @RegisterExtension
    final Served served = new Served();

    private KubernetesEmulator kmock;

    @BeforeEach
    void start() {
        kmock = served.emulator(transport);
    }

    private KResponse apply(String path, String manager, String yaml, String... params) {
        String query = "?fieldManager=" + manager + (params.length > 0 ? "&" + String.join("&", params) : "");
        return kmock.request("PATCH", path + query, yaml.getBytes(StandardCharsets.UTF_8), APPLY);
    }

    private static Map<?, ?> json(KResponse response) {
        return (Map<?, ?>) response.json();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> managedFields(Map<?, ?> object) {
        return (List<Map<String, Object>>) ((Map<?, ?>) object.get("metadata")).get("managedFields");
    }

    private static List<String> managers(Map<?, ?> object) {
        return managedFields(object).stream()
                .map(e -> e.get("manager") + "/" + e.get("operation"))
                .toList();
    }

    private Map<String, Object> stored(String name) {
        return kmock.objects().get("v1/configmaps", "ns", name);
    }

    @Test
    void applyCreatesAMissingObjectWithOneApplyEntry() {
        KResponse response = apply(CMS + "/c", "tool", CM);
        assertEquals(201, response.status(), response.text());
        List<Map<String, Object>> entries = managedFields(json(response));
        assertEquals(1, entries.size());
        Map<String, Object> entry = entries.get(0);
        assertEquals(
                List.of("manager", "operation", "apiVersion", "time", "fieldsType", "fieldsV1"),
                List.copyOf(entry.keySet()));
        assertEquals("tool", entry.get("manager"));
        assertEquals("Apply", entry.get("operation"));
        assertEquals("v1", entry.get("apiVersion"));
        assertTrue(((String) entry.get("time")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), (String)
                entry.get("time"));
        assertEquals(Map.of("f:data", Map.of("f:a", Map.of())), entry.get("fieldsV1"));
        assertEquals(managedFields(json(response)), managedFields(stored("c")));
    }

    @Test
    void aJsonBodyIsAnApplyConfigurationToo() {
        KResponse response = apply(
                CMS + "/j",
                "tool",
                "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"j\"},\"data\":{\"a\":\"1\"}}");
        assertEquals(201, response.status(), response.text());
        assertEquals(Map.of("a", "1"), stored("j").get("data"));
    }

    @Test
    void anotherManagerChangingAnOwnedValueGetsA409WithOneCausePerField() {
        apply(CMS + "/c", "first", CM);
        Map<String, Object> before = stored("c");
        KResponse conflict = apply(CMS + "/c", "second", CM.replace("'1'", "'2'"));
        assertEquals(409, conflict.status(), conflict.text());
        assertEquals(
                Map.of(
                        "apiVersion",
                        "v1",
                        "kind",
                        "Status",
                        "metadata",
                        Map.of(),
                        "status",
                        "Failure",
                        "message",
                        "Apply failed with 1 conflict: conflict with \"first\": .data.a",
                        "reason",
                        "Conflict",
                        "details",
                        Map.of(
                                "causes",
                                List.of(Map.of(
                                        "reason",
                                        "FieldManagerConflict",
                                        "message",
                                        "conflict with \"first\"",
                                        "field",
                                        ".data.a"))),
                        "code",
                        409),
                json(conflict));
        assertEquals(before, stored("c"), "a refused apply changes nothing");
        assertEquals(
                1, kmock.objects().get("v1/configmaps", "ns", "c").history().size());
    }

    @Test
    void forceTakesTheFieldFromItsOwner() {
        apply(CMS + "/c", "first", CM);
        KResponse forced = apply(CMS + "/c", "second", CM.replace("'1'", "'2'"), "force=true");
        assertEquals(200, forced.status(), forced.text());
        assertEquals(Map.of("a", "2"), stored("c").get("data"));
        assertEquals(List.of("second/Apply"), managers(stored("c")), "the first manager owned nothing else");
    }

    @Test
    void applyWithoutAFieldManagerIsA422() {
        KResponse response = kmock.request("PATCH", CMS + "/c", CM.getBytes(StandardCharsets.UTF_8), APPLY);
        assertEquals(422, response.status(), response.text());
        assertEquals(
                "PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: is required for apply patch",
                json(response).get("message"));
        assertEquals(
                Map.of(
                        "group",
                        "meta.k8s.io",
                        "kind",
                        "PatchOptions",
                        "causes",
                        List.of(Map.of(
                                "reason",
                                "FieldValueRequired",
                                "message",
                                "Required value: is required for apply patch",
                                "field",
                                "fieldManager"))),
                json(response).get("details"));
        assertNull(kmock.objects().get("v1/configmaps", "ns", "c"));
    }

    @Test
    void forceOnAMergePatchIsA422() {
        apply(CMS + "/c", "tool", CM);
        KResponse response = kmock.request(
                "PATCH",
                CMS + "/c?force=true",
                Map.of("data", Map.of("b", "2")),
                Map.of("Content-Type", "application/merge-patch+json"));
        assertEquals(422, response.status(), response.text());
        assertEquals(
                "PatchOptions.meta.k8s.io \"\" is invalid: force: Forbidden: may not be specified for non-apply patch",
                json(response).get("message"));
    }

    @Test
    void aDryRunApplyAnswersTheResultAndLeavesNoTrace() {
        apply(CMS + "/c", "first", CM);
        Map<String, Object> before = stored("c");
        KResponse changed = apply(CMS + "/c", "first", CM.replace("'1'", "'9'"), "dryRun=All");
        assertEquals(200, changed.status(), changed.text());
        assertEquals(Map.of("a", "9"), json(changed).get("data"));
        KResponse created = apply(CMS + "/new", "first", CM.replace("name: c", "name: new"), "dryRun=All");
        assertEquals(201, created.status(), created.text());
        assertEquals(before, stored("c"));
        assertNull(stored("new"));
        assertEquals(
                1, kmock.objects().get("v1/configmaps", "ns", "c").history().size());
    }

    @Test
    void createAndReplaceRecordUpdateEntriesNamedByParameterOrUserAgent() {
        KResponse created = kmock.request(
                "POST",
                CMS + "?fieldManager=creator",
                Map.of(
                        "apiVersion",
                        "v1",
                        "kind",
                        "ConfigMap",
                        "metadata",
                        Map.of("name", "u"),
                        "data",
                        Map.of("a", "1")),
                Map.of());
        assertEquals(201, created.status(), created.text());
        assertEquals(List.of("creator/Update"), managers(json(created)));
        Map<String, Object> replacement = Map.of(
                "apiVersion",
                "v1",
                "kind",
                "ConfigMap",
                "metadata",
                Map.of("name", "u", "managedFields", managedFields(json(created))),
                "data",
                Map.of("a", "1", "b", "2"));
        KResponse replaced =
                kmock.request("PUT", CMS + "/u", replacement, Map.of("User-Agent", "my-operator/1.2 (linux)"));
        assertEquals(200, replaced.status(), replaced.text());
        assertEquals(List.of("creator/Update", "my-operator/Update"), managers(json(replaced)));
        assertEquals(
                Map.of("f:data", Map.of("f:b", Map.of())),
                managedFields(json(replaced)).get(1).get("fieldsV1"));
    }

    @Test
    void managedFieldsOfOneEmptyEntryInAnUpdateClearThem() {
        apply(CMS + "/c", "tool", CM);
        KResponse cleared = kmock.request(
                "PATCH",
                CMS + "/c",
                Map.of("metadata", Map.of("managedFields", List.of(Map.of()))),
                Map.of("Content-Type", "application/merge-patch+json"));
        assertEquals(200, cleared.status(), cleared.text());
        assertNull(((Map<?, ?>) stored("c").get("metadata")).get("managedFields"));
    }

    @Test
    void applyToStatusChangesAndOwnsOnlyTheStatus() {
        String deployment = """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: d}
                spec:
                  selector: {matchLabels: {app: d}}
                  template:
                    metadata: {labels: {app: d}}
                    spec: {containers: [{name: c, image: busybox}]}
                """;
        assertEquals(201, apply(DEPLOYMENTS + "/d", "owner", deployment).status());
        KResponse status = apply(
                DEPLOYMENTS + "/d/status",
                "controller",
                "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nstatus: {replicas: 3}\n");
        assertEquals(200, status.status(), status.text());
        Map<String, Object> stored = kmock.objects().get("apps/v1/deployments", "ns", "d");
        assertEquals(Map.of("replicas", 3), stored.get("status"));
        Map<String, Object> entry = managedFields(stored).stream()
                .filter(e -> "controller".equals(e.get("manager")))
                .findFirst()
                .orElseThrow();
        assertEquals("status", entry.get("subresource"));
        assertEquals(Map.of("f:status", Map.of("f:replicas", Map.of())), entry.get("fieldsV1"));
    }

    @Test
    void withoutManagedMetadataApplyMergesAndNoManagedFieldsAreKept() {
        kmock = KubernetesEmulator.builder().managedMetadata(false).build();
        kmock.resources().loadBundled();
        served.serve(kmock, transport);
        assertEquals(201, apply(CMS + "/c", "first", CM).status());
        KResponse second = apply(CMS + "/c", "second", CM.replace("'1'", "'2'"));
        assertEquals(200, second.status(), second.text());
        assertFalse(((Map<?, ?>) stored("c").get("metadata")).containsKey("managedFields"));
        assertEquals(Map.of("a", "2"), stored("c").get("data"));
    }

    @Test
    void anApplyThatDoesNotFitTheSchemaIsTheApiServersReasonless500AndChangesNothing() {
        apply(CMS + "/c", "tool", CM);
        Map<String, Object> before = stored("c");
        KResponse response = apply(CMS + "/c", "tool", CM + "bogus: 1\n");
        assertEquals(500, response.status(), response.text());
        assertNull(json(response).get("reason"), "the API server gives no reason");
        assertTrue(kmock.errors().isEmpty(), "the client's fault, not the emulator's");
        assertEquals(
                "failed to create typed patch object (/c; /v1, Kind=ConfigMap): .bogus: field not declared in schema",
                json(response).get("message"));
        assertEquals(before, stored("c"));
        assertEquals(Json.toText(before), Json.toText(stored("c")));
    }
}
