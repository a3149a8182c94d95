package kmock.it.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import kmock.handlers.KObject;
import kmock.handlers.KubernetesEmulator;
import kmock.internal.json.Json;
import kmock.internal.k8s.patch.Patches;
import kmock.it.transport.BothTransports;
import kmock.test.KMockExtension;

/**
 * The kubectl commands that change objects with strategic merge patches (apply, set image, set env, rollout restart,
 * edit) and merge patches (label, annotate), against the emulator. Where kubectl can compute the change itself
 * ({@code --local}), the stored object must equal its result; apply is checked against its manifest.
 */
@BothTransports
class KubectlPatchingTest {

    /** A started emulator per test on the transport under test, closed after it. */
    @RegisterExtension
    final KMockExtension emulator;

    private final KubectlRunner kubectl;
    private KubernetesEmulator kmock;

    KubectlPatchingTest(String transport, @TempDir Path dir) throws IOException {
        emulator = KMockExtension.builder().transport(transport).build();
        kubectl = new KubectlRunner(dir, emulator);
    }

    @BeforeEach
    void serveTheBundledCatalog() {
        kmock = emulator.handler(KubernetesEmulator.class);
        kmock.resources().loadBundled();
    }

    /** A Deployment manifest with two containers; {@code env} lines and labels vary between applies. */
    private static String manifest(String image, String labels, String env) {
        return String.join(
                "\n",
                "apiVersion: apps/v1",
                "kind: Deployment",
                "metadata:",
                "  name: web",
                "  labels: {" + labels + "}",
                "spec:",
                "  replicas: 2",
                "  selector: {matchLabels: {app: web}}",
                "  template:",
                "    metadata: {labels: {app: web}}",
                "    spec:",
                "      containers:",
                "      - name: web",
                "        image: " + image,
                "        ports:",
                "        - {name: http, containerPort: 80}",
                "        - {name: https, containerPort: 443}",
                "        env: [" + env + "]",
                "      - name: sidecar",
                "        image: busybox:1.36",
                "        command: [sleep, infinity]",
                "");
    }

    private static Object yaml(String text) {
        return Patches.yaml(text.getBytes(StandardCharsets.UTF_8));
    }

    private KObject stored() {
        return kmock.objects().get("apps/v1/deployments", "default", "web");
    }

    private void assertNoDirectives(Map<String, Object> object) {
        assertFalse(Json.toText(object).contains("\"$"), "no patch directive is stored: " + Json.toText(object));
    }

    @Test
    void aSecondApplyChangesOnlyWhatTheManifestChanged() throws Exception {
        String env = "{name: A, value: '1'}, {name: B, value: '2'}, {name: C, value: '3'}";
        kubectl.ok(
                "apply",
                "-f",
                kubectl.file("web.yaml", manifest("nginx:1.25", "app: web", env))
                        .toString());
        String changed = manifest("nginx:1.27", "app: web", env.replace("'2'", "'20'"));
        kubectl.ok("apply", "-f", kubectl.file("web.yaml", changed).toString());

        KObject.assertMatches(yaml(changed), stored());
        assertNoDirectives(stored());
    }

    @Test
    void applyRemovesWhatTheManifestDropsAndThenReportsUnchanged() throws Exception {
        kubectl.ok(
                "apply",
                "-f",
                kubectl.file(
                                "web.yaml",
                                manifest(
                                        "nginx:1.25",
                                        "app: web, tier: front",
                                        "{name: A, value: '1'}, {name: B, value: '2'}, {name: C, value: '3'}"))
                        .toString());
        String changed = manifest("nginx:1.27", "app: web", "{name: A, value: '1'}, {name: C, value: '3'}");
        kubectl.ok("apply", "-f", kubectl.file("web.yaml", changed).toString());

        KObject.assertMatches(yaml(changed), stored());
        assertEquals(Map.of("app", "web"), ((Map<?, ?>) stored().get("metadata")).get("labels"));
        assertNoDirectives(stored());
        assertTrue(kubectl.ok("apply", "-f", kubectl.file("web.yaml", changed).toString())
                .contains("deployment.apps/web unchanged"));
    }

    /**
     * Runs {@code kubectl <verb> deployment/web <args>} and asserts that the stored Deployment equals what
     * {@code kubectl <verb> --local} computes from the object as it was. The typed commands print their result
     * through the Go type, which writes the zero values of structs ({@code resources: {}}, {@code status: {}},
     * {@code creationTimestamp: null}) that were not in the input: those are left out on both sides.
     */
    private void assertSameAsLocal(List<String> verb, String... args) throws Exception {
        String before = kubectl.file("before.json", Json.toText(stored())).toString();
        List<String> local = new ArrayList<>(verb);
        local.addAll(List.of("--local", "-f", before, "-o", "json"));
        local.addAll(List.of(args));
        @SuppressWarnings("unchecked")
        Map<String, Object> expected = (Map<String, Object>) Json.parse(kubectl.ok(local));
        List<String> remote = new ArrayList<>(verb);
        remote.add("deployment/web");
        remote.addAll(List.of(args));
        kubectl.ok(remote);
        StrategicPatches.assertPatched(
                withoutZeroValues(expected), withoutZeroValues(stored()), String.join(" ", remote));
        assertNoDirectives(stored());
    }

    /** A copy without nulls and empty maps, at any depth. */
    @SuppressWarnings("unchecked")
    private static <T> T withoutZeroValues(T value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                Object kept = withoutZeroValues(v);
                if (kept != null && !(kept instanceof Map<?, ?> m && m.isEmpty())) {
                    copy.put(String.valueOf(k), kept);
                }
            });
            return (T) copy;
        }
        if (value instanceof List<?> list) {
            return (T) list.stream().map(KubectlPatchingTest::withoutZeroValues).toList();
        }
        return value;
    }

    private void createDeployment() throws Exception {
        kubectl.ok(
                "create",
                "-f",
                kubectl.file(
                                "web.yaml",
                                manifest(
                                        "nginx:1.25",
                                        "app: web, tier: front",
                                        "{name: A, value: '1'}, {name: B, value: '2'}, {name: C, value: '3'}"))
                        .toString());
    }

    @Test
    void setImageChangesOneContainer() throws Exception {
        createDeployment();
        assertSameAsLocal(List.of("set", "image"), "web=nginx:1.27");
    }

    @Test
    void setEnvAddsAndRemovesVariables() throws Exception {
        createDeployment();
        assertSameAsLocal(List.of("set", "env"), "-c", "web", "D=4", "B=20");
        assertSameAsLocal(List.of("set", "env"), "-c", "web", "A-");
    }

    @Test
    void labelsAreAddedOverwrittenAndRemoved() throws Exception {
        createDeployment();
        assertSameAsLocal(List.of("label"), "team=a");
        assertSameAsLocal(List.of("label"), "--overwrite", "tier=back");
        assertSameAsLocal(List.of("label"), "tier-");
        assertEquals(Map.of("app", "web", "team", "a"), ((Map<?, ?>) stored().get("metadata")).get("labels"));
    }

    @Test
    void annotationsAreAddedOverwrittenAndRemoved() throws Exception {
        createDeployment();
        assertSameAsLocal(List.of("annotate"), "note=first");
        assertSameAsLocal(List.of("annotate"), "--overwrite", "note=second", "other=x");
        assertSameAsLocal(List.of("annotate"), "note-");
        assertEquals(Map.of("other", "x"), ((Map<?, ?>) stored().get("metadata")).get("annotations"));
    }

    @Test
    void rolloutRestartStampsOnlyThePodTemplate() throws Exception {
        createDeployment();
        Map<?, ?> template = (Map<?, ?>) ((Map<?, ?>) stored().get("spec")).get("template");
        String spec = Json.toText(template.get("spec"));

        kubectl.ok("rollout", "restart", "deployment/web");

        Map<?, ?> restarted = (Map<?, ?>) ((Map<?, ?>) stored().get("spec")).get("template");
        assertEquals(spec, Json.toText(restarted.get("spec")), "the pod spec is untouched");
        Map<?, ?> annotations = (Map<?, ?>) ((Map<?, ?>) restarted.get("metadata")).get("annotations");
        assertNotNull(annotations, Json.toText(restarted));
        OffsetDateTime.parse((String) annotations.get("kubectl.kubernetes.io/restartedAt"));
        assertEquals(Map.of("app", "web"), ((Map<?, ?>) restarted.get("metadata")).get("labels"));
        assertNoDirectives(stored());
    }

    @Test
    void editThroughAnEditorChangesWhatTheEditorChanged() throws Exception {
        createDeployment();
        Map<String, Object> before = stored();
        Path editor = kubectl.file("editor.sh", "#!/bin/sh\nsed -i 's/image: nginx:1.25/image: nginx:1.27/' \"$1\"\n");
        Files.setPosixFilePermissions(editor, PosixFilePermissions.fromString("rwx------"));

        KubectlRunner.Result edited =
                kubectl.run(List.of("edit", "deployment/web"), Map.of("KUBE_EDITOR", editor.toString()));

        assertEquals(0, edited.code(), edited.out() + edited.err());
        String expected = Json.toText(before).replace("\"image\":\"nginx:1.25\"", "\"image\":\"nginx:1.27\"");
        assertNotEquals(Json.toText(before), expected);
        @SuppressWarnings("unchecked")
        Map<String, Object> expectedObject = (Map<String, Object>) Json.parse(expected);
        StrategicPatches.assertPatched(expectedObject, stored(), "kubectl edit");
        assertNoDirectives(stored());
    }

    @Test
    void aStrategicPatchOfACustomResourceIsRefusedAsTheApiServerRefusesIt() throws Exception {
        kubectl.ok(
                "apply",
                "-f",
                kubectl.file("crd.yaml", KopfExamples.definition()).toString());
        kubectl.ok("apply", "-f", kubectl.file("ex.yaml", KopfExamples.EX1).toString());

        KubectlRunner.Result refused = kubectl.run(List.of("patch", "kex", "ex1", "-p", "{\"spec\":{\"duration\":6}}"));

        assertEquals(1, refused.code(), refused.out());
        assertTrue(
                refused.err()
                        .contains(
                                "the body of the request was in an unknown format - accepted media types include: "
                                        + "application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml"),
                refused.err());
        kubectl.ok("patch", "kex", "ex1", "--type", "merge", "-p", "{\"spec\":{\"duration\":6}}");
        assertEquals(
                Map.of("duration", 6),
                kmock.objects()
                        .get("kopf.dev/v1/kopfexamples", "default", "ex1")
                        .get("spec"));
    }
}
