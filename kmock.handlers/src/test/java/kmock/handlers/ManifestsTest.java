package kmock.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code objects().load(…)}: manifests as kubectl and the CLI read them, stored like API creates. */
class ManifestsTest {

    private final KubernetesEmulator kmock = new KubernetesEmulator();

    ManifestsTest() {
        kmock.resources().loadBundled();
    }

    private static Object name(KObject object) {
        return ((Map<?, ?>) object.get("metadata")).get("name");
    }

    @Test
    void multiDocumentYamlAndListsAreStoredInOrder() {
        List<KObject> stored = kmock.objects().load("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: first, namespace: demo}
                data: {a: "1"}
                ---
                apiVersion: v1
                kind: List
                items:
                - {apiVersion: v1, kind: ConfigMap, metadata: {name: second}}
                - {apiVersion: v1, kind: Namespace, metadata: {name: demo}}
                """);
        assertEquals(
                List.of("first", "second", "demo"),
                stored.stream().map(ManifestsTest::name).toList());
        assertEquals(
                Map.of("a", "1"),
                kmock.objects().get("v1/configmaps", "demo", "first").get("data"));
        assertNotNull(
                kmock.objects().get("v1/configmaps", "default", "second"), "namespaced objects default to 'default'");
        assertNotNull(kmock.objects().get("v1/namespaces", null, "demo"), "cluster-wide objects have no namespace");
    }

    @Test
    void jsonAndYamlFilesLoadTogether(@TempDir Path dir) throws Exception {
        Path json = Files.writeString(dir.resolve("deploy.json"), """
                {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "web", "namespace": "prod"},
                 "spec": {"replicas": 2}}""");
        Path yaml =
                Files.writeString(dir.resolve("svc.yaml"), "apiVersion: v1\nkind: Service\nmetadata: {name: web}\n");
        assertEquals(2, kmock.objects().load(json, yaml).size());
        assertEquals(
                Map.of("replicas", 2),
                kmock.objects().get("apps/v1/deployments", "prod", "web").get("spec"));
        assertNotNull(kmock.objects().get("v1/services", "default", "web"));
    }

    @Test
    void aCustomResourceCanFollowItsDefinitionInTheSameManifest() {
        kmock.objects().load("""
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata: {name: kopfexamples.kopf.dev}
                spec:
                  group: kopf.dev
                  scope: Namespaced
                  names: {plural: kopfexamples, singular: kopfexample, kind: KopfExample}
                  versions: [{name: v1, served: true, storage: true}]
                ---
                apiVersion: kopf.dev/v1
                kind: KopfExample
                metadata: {name: kopf-example-1}
                spec: {field: value}
                """);
        assertNotNull(kmock.objects().get("kopf.dev/v1/kopfexamples", "default", "kopf-example-1"));
        assertEquals(
                "KopfExample",
                kmock.resources().find("kopf.dev/v1/kopfexamples").kind());
    }

    @Test
    void aMalformedDocumentIsNamedByFileAndDocumentAndNothingIsStored(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(
                dir.resolve("broken.yaml"),
                "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ok}\n---\napiVersion: v1\nkind: ConfigMap\n");
        IllegalArgumentException failure = assertThrows(
                IllegalArgumentException.class, () -> kmock.objects().load(file));
        assertEquals(file + ", document 2: 'metadata.name' is missing", failure.getMessage());
        assertEquals(0, kmock.objects().size());
    }

    @Test
    void invalidYamlIsNamedByDocument() {
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class, () -> kmock.objects()
                .load("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\nkind: [unclosed\n"));
        assertTrue(
                failure.getMessage().startsWith("the manifest text, document 2: not valid YAML or JSON"),
                failure.getMessage());
    }

    @Test
    void anUnknownKindSaysHowToMakeItKnown() {
        KubernetesEmulator bare = new KubernetesEmulator();
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class, () -> bare.objects()
                .load("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n"));
        assertEquals(
                "the manifest text, document 1: kind ConfigMap of v1 is not a known resource: load the bundled "
                        + "catalog with kmock.resources().loadBundled(), declare it with kmock.resources().put(…), or put its "
                        + "CustomResourceDefinition first",
                failure.getMessage());
    }

    @Test
    void itemsOfAListAreNamedByIndex() {
        IllegalArgumentException failure = assertThrows(
                IllegalArgumentException.class,
                () -> kmock.objects()
                        .load(
                                "apiVersion: v1\nkind: List\nitems:\n- {apiVersion: v1, kind: ConfigMap, metadata: {name: a}}\n- {kind: ConfigMap}\n"));
        assertEquals("the manifest text, document 1, item 1: 'apiVersion' is missing", failure.getMessage());
    }
}
