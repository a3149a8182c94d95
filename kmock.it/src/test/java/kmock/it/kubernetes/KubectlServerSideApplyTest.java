package kmock.it.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import kmock.handlers.KObject;
import kmock.handlers.KubernetesEmulator;
import kmock.it.transport.BothTransports;
import kmock.test.KMockExtension;

/** kubectl's server-side apply against the emulator: managedFields, conflicts and their advice, force, pruning, diff. */
@BothTransports
class KubectlServerSideApplyTest {

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: nginx
              labels: {app: nginx}
            spec:
              replicas: 2
              selector:
                matchLabels: {app: nginx}
              template:
                metadata:
                  labels: {app: nginx}
                spec:
                  containers:
                  - name: nginx
                    image: nginx:1.25
                    ports:
                    - containerPort: 80
            """;

    /** A started emulator per test on the transport under test, closed after it. */
    @RegisterExtension
    final KMockExtension emulator;

    private final KubectlRunner kubectl;
    private KubernetesEmulator kmock;

    KubectlServerSideApplyTest(String transport, @TempDir Path dir) throws IOException {
        emulator = KMockExtension.builder().transport(transport).build();
        kubectl = new KubectlRunner(dir, emulator);
    }

    @BeforeEach
    void serveTheBundledCatalog() {
        kmock = emulator.handler(KubernetesEmulator.class);
        kmock.resources().loadBundled();
    }

    private KObject deployment() {
        return kmock.objects().get("apps/v1/deployments", "default", "nginx");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> managedFields(Map<String, Object> object) {
        return (List<Map<String, Object>>) ((Map<String, Object>) object.get("metadata")).get("managedFields");
    }

    private static List<String> managers(Map<String, Object> object) {
        return managedFields(object).stream()
                .map(e -> e.get("manager") + "/" + e.get("operation"))
                .toList();
    }

    private static Object yaml(String text) throws IOException {
        return new ObjectMapper(new YAMLFactory()).readValue(text.getBytes(StandardCharsets.UTF_8), Object.class);
    }

    @Test
    void applyServerSideRecordsExactlyTheAppliedFieldsOfADeployment() throws Exception {
        assertEquals(
                "deployment.apps/nginx serverside-applied\n",
                kubectl.ok(
                        "apply",
                        "--server-side",
                        "-f",
                        kubectl.file("d.yaml", DEPLOYMENT).toString()));
        List<Map<String, Object>> entries = managedFields(deployment());
        assertEquals(1, entries.size(), entries.toString());
        Map<String, Object> entry = new java.util.LinkedHashMap<>(entries.get(0));
        assertTrue(((String) entry.remove("time")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"));
        assertEquals(
                Map.of(
                        "manager",
                        "kubectl",
                        "operation",
                        "Apply",
                        "apiVersion",
                        "apps/v1",
                        "fieldsType",
                        "FieldsV1",
                        "fieldsV1",
                        yaml("""
                        f:metadata:
                          f:labels:
                            f:app: {}
                        f:spec:
                          f:replicas: {}
                          f:selector: {}
                          f:template:
                            f:metadata:
                              f:labels:
                                f:app: {}
                            f:spec:
                              f:containers:
                                k:{"name":"nginx"}:
                                  .: {}
                                  f:image: {}
                                  f:name: {}
                                  f:ports:
                                    k:{"containerPort":80,"protocol":"TCP"}:
                                      .: {}
                                      f:containerPort: {}
                        """)),
                entry);
        String shown = kubectl.ok("get", "deployment", "nginx", "-o", "yaml", "--show-managed-fields");
        assertTrue(shown.contains("k:{\"containerPort\":80,\"protocol\":\"TCP\"}:"), shown);
    }

    @Test
    void aSecondFieldManagerGetsTheConflictAndKubectlsAdvice() throws Exception {
        kubectl.ok(
                "apply",
                "--server-side",
                "-f",
                kubectl.file("d.yaml", DEPLOYMENT).toString());
        KObject before = deployment();
        KubectlRunner.Result conflict = kubectl.run(
                "apply",
                "--server-side",
                "--field-manager=other",
                "-f",
                kubectl.file("d3.yaml", DEPLOYMENT.replace("replicas: 2", "replicas: 3"))
                        .toString());
        assertEquals(1, conflict.code(), conflict.out());
        assertTrue(
                conflict.err()
                        .startsWith("error: Apply failed with 1 conflict: conflict with \"kubectl\": .spec.replicas\n"
                                + "Please review the fields above--they currently have other managers."),
                conflict.err());
        assertTrue(conflict.err().contains("--force-conflicts"), conflict.err());
        assertEquals(before.history(), deployment().history(), "nothing stored");
    }

    @Test
    void forceConflictsTakesTheFieldAndLeavesTheRestShared() throws Exception {
        kubectl.ok(
                "apply",
                "--server-side",
                "-f",
                kubectl.file("d.yaml", DEPLOYMENT).toString());
        kubectl.ok(
                "apply",
                "--server-side",
                "--field-manager=other",
                "--force-conflicts",
                "-f",
                kubectl.file("d3.yaml", DEPLOYMENT.replace("replicas: 2", "replicas: 3"))
                        .toString());
        assertEquals("3", kubectl.ok("get", "deployment", "nginx", "-o", "jsonpath={.spec.replicas}"));
        assertEquals(List.of("kubectl/Apply", "other/Apply"), managers(deployment()));
        String kubectlFields = String.valueOf(managedFields(deployment()).get(0).get("fieldsV1"));
        assertFalse(kubectlFields.contains("f:replicas"), kubectlFields);
        assertTrue(kubectlFields.contains("f:image"), "the image is shared: " + kubectlFields);
    }

    @Test
    void aFieldTheManagerStopsApplyingIsRemoved() throws Exception {
        kubectl.ok(
                "apply",
                "--server-side",
                "-f",
                kubectl.file(
                                "d.yaml",
                                DEPLOYMENT
                                        .replace("labels: {app: nginx}\nspec", "labels: {app: nginx, tier: web}\nspec")
                                        .replace(
                                                "        - containerPort: 80\n",
                                                "        - containerPort: 80\n        - containerPort: 443\n"))
                        .toString());
        kubectl.ok(
                "apply",
                "--server-side",
                "-f",
                kubectl.file("d.yaml", DEPLOYMENT.replace("  replicas: 2\n", ""))
                        .toString());
        assertEquals(
                "{\"app\":\"nginx\"}", kubectl.ok("get", "deployment", "nginx", "-o", "jsonpath={.metadata.labels}"));
        assertEquals(
                "80",
                kubectl.ok(
                        "get",
                        "deployment",
                        "nginx",
                        "-o",
                        "jsonpath={.spec.template.spec.containers[0].ports[*].containerPort}"));
        String replicas = kubectl.ok("get", "deployment", "nginx", "-o", "jsonpath={.spec.replicas}");
        assertTrue(
                replicas.isEmpty() || replicas.equals("1"),
                "removed, or defaulted again as the API server does: " + replicas);
    }

    @Test
    void twoManagersShareAFieldUntilBothLetGo() throws Exception {
        String cm = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: shared\ndata:\n  a: '1'\n  b: '2'\n";
        kubectl.ok(
                "apply",
                "--server-side",
                "--field-manager=one",
                "-f",
                kubectl.file("one.yaml", cm).toString());
        kubectl.ok(
                "apply",
                "--server-side",
                "--field-manager=two",
                "-f",
                kubectl.file("two.yaml", cm.replace("  b: '2'\n", "")).toString());
        kubectl.ok(
                "apply",
                "--server-side",
                "--field-manager=one",
                "-f",
                kubectl.file("one.yaml", cm.replace("data:\n  a: '1'\n  b: '2'\n", ""))
                        .toString());
        assertEquals(
                "{\"a\":\"1\"}",
                kubectl.ok("get", "configmap", "shared", "-o", "jsonpath={.data}"),
                "b was one's alone");
        kubectl.ok(
                "apply",
                "--server-side",
                "--field-manager=two",
                "-f",
                kubectl.file("two.yaml", cm.replace("data:\n  a: '1'\n  b: '2'\n", ""))
                        .toString());
        assertEquals("", kubectl.ok("get", "configmap", "shared", "-o", "jsonpath={.data}"));
    }

    @Test
    void associativeListsMergeContainersByNameAndPortsByPortAndProtocol() throws Exception {
        kubectl.ok(
                "apply",
                "--server-side",
                "-f",
                kubectl.file("d.yaml", DEPLOYMENT).toString());
        kubectl.ok(
                "apply",
                "--server-side",
                "--field-manager=sidecars",
                "-f",
                kubectl.file("s.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: nginx}
                spec:
                  template:
                    spec:
                      containers:
                      - name: nginx
                        ports:
                        - {containerPort: 80, protocol: UDP}
                      - name: proxy
                        image: envoy:1.30
                """).toString());
        assertEquals(
                "nginx proxy",
                kubectl.ok("get", "deployment", "nginx", "-o", "jsonpath={.spec.template.spec.containers[*].name}"));
        assertEquals(
                "nginx:1.25",
                kubectl.ok("get", "deployment", "nginx", "-o", "jsonpath={.spec.template.spec.containers[0].image}"));
        assertEquals(
                "80 80",
                kubectl.ok(
                        "get",
                        "deployment",
                        "nginx",
                        "-o",
                        "jsonpath={.spec.template.spec.containers[0].ports[*].containerPort}"),
                "TCP 80 (by default) and UDP 80");
        assertTrue(kubectl.ok(
                        "get",
                        "deployment",
                        "nginx",
                        "-o",
                        "jsonpath={.spec.template.spec.containers[0].ports[1].protocol}")
                .equals("UDP"));
    }

    @Test
    void diffServerSideShowsTheChangeAndLeavesNoTrace() throws Exception {
        kubectl.ok(
                "apply",
                "--server-side",
                "-f",
                kubectl.file("d.yaml", DEPLOYMENT).toString());
        KObject before = deployment();
        KubectlRunner.Result diff = kubectl.run(
                "diff",
                "--server-side",
                "-f",
                kubectl.file("d3.yaml", DEPLOYMENT.replace("replicas: 2", "replicas: 3"))
                        .toString());
        assertEquals(1, diff.code(), diff.err());
        assertTrue(diff.out().contains("-  replicas: 2") && diff.out().contains("+  replicas: 3"), diff.out());
        KubectlRunner.Result fresh = kubectl.run(
                "diff",
                "--server-side",
                "-f",
                kubectl.file("f.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: fresh\ndata:\n  a: '1'\n")
                        .toString());
        assertEquals(1, fresh.code(), fresh.err());
        assertTrue(fresh.out().contains("+  name: fresh"), fresh.out());
        assertEquals(before.history(), deployment().history());
        assertNull(kmock.objects().get("v1/configmaps", "default", "fresh"));
    }

    @Test
    void kubectlMovesFromClientSideToServerSideApplyWithoutConflicts() throws Exception {
        String cm = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: moved\ndata:\n  a: '1'\n  b: '2'\n";
        kubectl.ok("apply", "-f", kubectl.file("cm.yaml", cm).toString());
        kubectl.ok(
                "apply",
                "--server-side",
                "-f",
                kubectl.file("cm.yaml", cm.replace("'2'", "'3'")).toString());
        KObject moved = kmock.objects().get("v1/configmaps", "default", "moved");
        assertEquals(Map.of("a", "1", "b", "3"), moved.get("data"));
        assertTrue(managers(moved).contains("kubectl/Apply"), managers(moved).toString());
        assertFalse(
                managers(moved).contains("kubectl-client-side-apply/Update"),
                "kubectl moved its fields: " + managers(moved));
        assertTrue(
                String.valueOf(((Map<?, ?>) ((Map<?, ?>) moved.get("metadata")).get("annotations")).values())
                        .contains("\"b\":\"3\""),
                "the last-applied annotation follows the server-side apply");
        assertEquals(
                "configmap/moved configured\n",
                kubectl.ok("apply", "-f", kubectl.file("cm.yaml", cm).toString()));
    }
}
