package kmock.it.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import kmock.handlers.KObject;
import kmock.handlers.KubernetesEmulator;
import kmock.it.transport.BothTransports;
import kmock.test.KMockExtension;

/** The real kubectl against the emulator, with an empty kubeconfig and default (strict) validation. */
@BothTransports
class KubectlTest {

    /** A started emulator per test on the transport under test, closed after it. */
    @RegisterExtension
    final KMockExtension emulator;

    private final KubectlRunner kubectl;
    private KubernetesEmulator kmock;

    KubectlTest(String transport, @TempDir Path dir) throws IOException {
        emulator = KMockExtension.builder().transport(transport).build();
        kubectl = new KubectlRunner(dir, emulator);
    }

    @BeforeEach
    void serveTheBundledCatalog() {
        kmock = emulator.handler(KubernetesEmulator.class);
        kmock.resources().loadBundled();
    }

    @Test
    void apiResourcesListsTheBundledCatalog() throws Exception {
        String resources = kubectl.ok("api-resources", "--no-headers");
        assertTrue(
                resources.lines().anyMatch(line -> line.matches("configmaps\\s+cm\\s+v1\\s+true\\s+ConfigMap")),
                resources);
        assertTrue(resources.lines().anyMatch(line -> line.startsWith("deployments ")), resources);
        assertTrue(kubectl.ok("version", "-o", "json").contains("serverVersion"));
    }

    @Test
    void createGetApplyTwiceAndDeleteAConfigMap() throws Exception {
        Path manifest = kubectl.file(
                "cm.yaml",
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n  labels: {app: web}\ndata:\n  a: '1'\n");
        kubectl.ok("create", "-f", manifest.toString());
        assertEquals("1", kubectl.ok("get", "cm", "cfg", "-o", "jsonpath={.data.a}"));

        Path changed = kubectl.file(
                "cm2.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: applied\ndata:\n  a: '1'\n");
        kubectl.ok("apply", "-f", changed.toString());
        Files.writeString(changed, "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: applied\ndata:\n  a: '2'\n");
        kubectl.ok("apply", "-f", changed.toString());
        assertEquals("2", kubectl.ok("get", "configmap", "applied", "-o", "jsonpath={.data.a}"));

        kubectl.ok("delete", "configmap", "cfg");
        KubectlRunner.Result gone = kubectl.run("get", "configmap", "cfg");
        assertEquals(1, gone.code());
        assertTrue(gone.err().contains("NotFound"), gone.err());
    }

    @Test
    void everyPatchTypeWorks() throws Exception {
        kubectl.ok(
                "create",
                "-f",
                kubectl.file("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: p}\ndata: {a: '1'}\n")
                        .toString());
        kubectl.ok("patch", "configmap", "p", "--type=merge", "-p", "{\"data\":{\"b\":\"2\"}}");
        kubectl.ok("patch", "configmap", "p", "--type=json", "-p", "[{\"op\":\"remove\",\"path\":\"/data/a\"}]");
        kubectl.ok("patch", "configmap", "p", "-p", "{\"data\":{\"c\":\"3\"}}");
        assertEquals(
                Map.of("b", "2", "c", "3"),
                kmock.objects().get("v1/configmaps", "default", "p").get("data"));

        Path applied =
                kubectl.file("ssa.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ssa}\ndata: {x: 'y'}\n");
        kubectl.ok("apply", "--server-side", "-f", applied.toString());
        kubectl.ok("apply", "--server-side", "-f", applied.toString());
        assertEquals("y", kubectl.ok("get", "cm", "ssa", "-o", "jsonpath={.data.x}"));
    }

    @Test
    void labelSelectorsAndDeleteCollection() throws Exception {
        for (String name : List.of("a", "b", "c")) {
            kmock.objects()
                    .put(
                            "v1/configmaps",
                            "default",
                            name,
                            Map.of(
                                    "metadata",
                                    Map.of("name", name, "labels", Map.of("drop", name.equals("c") ? "no" : "yes"))));
        }
        assertEquals("a b", kubectl.ok("get", "cm", "-l", "drop=yes", "-o", "jsonpath={.items[*].metadata.name}"));
        assertEquals("c", kubectl.ok("get", "cm", "-l", "drop!=yes", "-o", "jsonpath={.items[*].metadata.name}"));
        kubectl.ok("delete", "cm", "-l", "drop in (yes)");
        assertEquals("c", kubectl.ok("get", "cm", "-o", "jsonpath={.items[*].metadata.name}"));
    }

    @Test
    void watchPrintsChangesAsTheyHappen() throws Exception {
        Path out = kubectl.dir().resolve("watch.txt");
        Process watch = new ProcessBuilder(kubectl.command(List.of("get", "configmaps", "--watch", "-o", "name")))
                .redirectOutput(out.toFile())
                .redirectErrorStream(true)
                .start();
        try {
            Await.until("kubectl's watch is open", () -> kmock.requests().stream()
                    .anyMatch(r -> "true".equals(r.params().get("watch"))));
            kmock.objects().put("v1/configmaps", "default", "seen", Map.of("data", Map.of("a", "1")));
            Await.until("kubectl printed the new config map", () -> read(out).contains("configmap/seen"));
        } finally {
            watch.destroy();
            assertTrue(watch.waitFor(30, TimeUnit.SECONDS));
        }
    }

    @Test
    void customResourceAfterItsDefinition() throws Exception {
        kubectl.ok(
                "apply",
                "-f",
                kubectl.file("crd.yaml", KopfExamples.definition()).toString());
        kubectl.ok("apply", "-f", kubectl.file("ex.yaml", KopfExamples.EX1).toString());
        assertEquals("ex1", kubectl.ok("get", "kex", "-o", "jsonpath={.items[*].metadata.name}"));
        KObject stored = kmock.objects().get("kopf.dev/v1/kopfexamples", "default", "ex1");
        assertEquals(Map.of("duration", 5), stored.get("spec"));
    }

    @Test
    void namespacesAndNamespacedObjects() throws Exception {
        kubectl.ok(
                "apply",
                "-f",
                kubectl.file("ns.yaml", "apiVersion: v1\nkind: Namespace\nmetadata: {name: team-a}\n")
                        .toString());
        assertTrue(kubectl.ok("get", "namespaces", "-o", "name").contains("namespace/team-a"));
        kubectl.ok(
                "apply",
                "-n",
                "team-a",
                "-f",
                kubectl.file("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n")
                        .toString());
        assertEquals(
                "team-a/x",
                kubectl.ok(
                        "get", "cm", "-A", "-o", "jsonpath={.items[0].metadata.namespace}/{.items[0].metadata.name}"));
    }

    @Test
    void statusSubresourcePatch() throws Exception {
        kubectl.ok(
                "apply",
                "-f",
                kubectl.file(
                                "deploy.yaml",
                                String.join(
                                        "\n",
                                        "apiVersion: apps/v1",
                                        "kind: Deployment",
                                        "metadata: {name: web}",
                                        "spec:",
                                        "  replicas: 1",
                                        "  selector: {matchLabels: {app: web}}",
                                        "  template:",
                                        "    metadata: {labels: {app: web}}",
                                        "    spec: {containers: [{name: web, image: nginx}]}",
                                        ""))
                        .toString());
        kubectl.ok(
                "patch",
                "deployment",
                "web",
                "--subresource=status",
                "--type=merge",
                "-p",
                "{\"status\":{\"readyReplicas\":1}}");
        assertEquals("1", kubectl.ok("get", "deployment", "web", "-o", "jsonpath={.status.readyReplicas}"));
        kubectl.ok("scale", "deployment", "web", "--replicas=3");
        assertEquals("3", kubectl.ok("get", "deployment", "web", "-o", "jsonpath={.spec.replicas}"));
    }

    @Test
    void describeShowsTheDefaultsOfACreatedDeployment() throws Exception {
        kubectl.ok("create", "deployment", "web", "--image=nginx:1.27");
        String described = kubectl.ok("describe", "deployment", "web");
        // pkg/apis/apps/v1/defaults.go: SetDefaults_Deployment
        assertTrue(described.lines().anyMatch(line -> line.matches("StrategyType:\\s+RollingUpdate")), described);
        assertTrue(
                described
                        .lines()
                        .anyMatch(line -> line.matches("RollingUpdateStrategy:\\s+25% max unavailable, 25% max surge")),
                described);
        assertTrue(described.lines().anyMatch(line -> line.matches("Replicas:\\s+1 desired .*")), described);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
