package kmock.it.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

import kmock.api.KResponse;
import kmock.api.Server;
import kmock.handlers.KubernetesEmulator;
import kmock.internal.json.Json;
import kmock.it.transport.BothTransports;

/**
 * kubectl's typed commands send Kubernetes protobuf. Each one here runs for real against the emulator, and the
 * stored object must equal what {@code --dry-run=client -o json} prints for the same command, exactly, once the
 * metadata that only a server assigns is set aside.
 */
@BothTransports
class KubectlTypedCommandsTest {

    /** Metadata only a server assigns: the dry run has none of it (creationTimestamp: null), the stored object has. */
    private static final List<String> SERVER_METADATA = List.of("uid", "resourceVersion", "creationTimestamp", "generation");

    @Parameter
    String transport;

    @TempDir
    Path dir;
    private KubernetesEmulator kmock;
    private Server server;
    private Path kubeconfig;

    @BeforeEach
    void start() throws IOException {
        kmock = new KubernetesEmulator();
        kmock.resources().loadBundled();
        server = Server.builder(kmock).transport(transport).start();
        kubeconfig = Files.writeString(dir.resolve("kubeconfig"), "apiVersion: v1\nkind: Config\n");
    }

    @AfterEach
    void stop() {
        server.close();
        kmock.close();
    }

    @Test
    void createNamespace() throws Exception {
        assertStoredAsDryRun("/api/v1/namespaces/demo", "create", "namespace", "demo");
    }

    @Test
    void createConfigMapFromLiterals() throws Exception {
        assertStoredAsDryRun("/api/v1/namespaces/default/configmaps/cfg", "create", "configmap", "cfg",
                "--from-literal=a=1", "--from-literal=b=two words");
    }

    @Test
    void createGenericSecretFromLiterals() throws Exception {
        assertStoredAsDryRun("/api/v1/namespaces/default/secrets/sec", "create", "secret", "generic", "sec",
                "--from-literal=user=admin", "--from-literal=password=s3cr3t");
    }

    @Test
    void createDeploymentWithImageAndReplicas() throws Exception {
        assertStoredAsDryRun("/apis/apps/v1/namespaces/default/deployments/web", "create", "deployment", "web",
                "--image=nginx:1.27", "--replicas=3");
    }

    @Test
    void createJob() throws Exception {
        assertStoredAsDryRun("/apis/batch/v1/namespaces/default/jobs/once", "create", "job", "once", "--image=busybox:1.36");
    }

    @Test
    void createClusterIpService() throws Exception {
        assertStoredAsDryRun("/api/v1/namespaces/default/services/svc", "create", "service", "clusterip", "svc",
                "--tcp=80:8080", "--tcp=443:8443");
    }

    @Test
    void createServiceAccount() throws Exception {
        assertStoredAsDryRun("/api/v1/namespaces/default/serviceaccounts/robot", "create", "serviceaccount", "robot");
    }

    @Test
    void createRoleAndRoleBinding() throws Exception {
        assertStoredAsDryRun("/apis/rbac.authorization.k8s.io/v1/namespaces/default/roles/reader", "create", "role",
                "reader", "--verb=get,list,watch", "--resource=pods,configmaps");
        assertStoredAsDryRun("/apis/rbac.authorization.k8s.io/v1/namespaces/default/rolebindings/reader-binding", "create",
                "rolebinding", "reader-binding", "--role=reader", "--serviceaccount=default:robot", "--user=ann");
    }

    @Test
    void runPod() throws Exception {
        assertStoredAsDryRun("/api/v1/namespaces/default/pods/pod1", "run", "pod1", "--image=nginx:1.27",
                "--labels=app=pod1", "--env=MODE=test", "--port=8080");
    }

    @Test
    void exposeDeployment() throws Exception {
        ok("create", "deployment", "web", "--image=nginx:1.27", "--port=8080");
        assertStoredAsDryRun("/api/v1/namespaces/default/services/web", "expose", "deployment", "web", "--port=80",
                "--target-port=8080");
    }

    @Test
    void aCorruptProtobufBodyIsABadRequestAndStoresNothing() {
        KResponse response = kmock.post("/api/v1/namespaces/default/configmaps", new byte[] {'k', '8', 's', 0, 0x0a, 0x7f},
                Map.of("Content-Type", "application/vnd.kubernetes.protobuf"));
        assertEquals(400, response.status(), response.text());
        assertTrue(response.text().contains("truncated or malformed"), response.text());
        assertTrue(kmock.objects().keys().isEmpty());
    }

    /** Runs the command with a client dry run, then for real, and compares the stored object with the dry run's. */
    private void assertStoredAsDryRun(String path, String... command) throws Exception {
        List<String> dryRun = new ArrayList<>(List.of(command));
        dryRun.addAll(List.of("--dry-run=client", "-o", "json"));
        Map<String, Object> expected = comparable(Json.parse(ok(dryRun.toArray(String[]::new)).getBytes(StandardCharsets.UTF_8)));
        ok(command);
        // kubectl 1.32 sends protobuf from every create and expose generator; run alone still sends JSON.
        String sent = command[0].equals("run") ? "application/json" : "application/vnd.kubernetes.protobuf";
        assertTrue(kmock.requests().stream().anyMatch(request -> request.method().equals("POST")
                && sent.equals(request.header("Content-Type"))), "kubectl sent " + sent + ": " + kmock.requests());
        KResponse stored = kmock.get(path);
        assertEquals(200, stored.status(), stored.text());
        assertEquals(Json.toText(expected), Json.toText(comparable(stored.json())), String.join(" ", command));
        assertEquals(expected, comparable(stored.json()), String.join(" ", command));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> comparable(Object object) {
        Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) object);
        Map<String, Object> metadata = new LinkedHashMap<>((Map<String, Object>) copy.get("metadata"));
        SERVER_METADATA.forEach(metadata::remove);
        copy.put("metadata", metadata);
        return (Map<String, Object>) Json.parse(Json.write(sorted(copy)));
    }

    /** The same value with object keys in order, so that the failure message's texts compare field by field. */
    @SuppressWarnings("unchecked")
    private static Object sorted(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> ordered = new java.util.TreeMap<>();
            map.forEach((key, item) -> ordered.put((String) key, sorted(item)));
            return ordered;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(KubectlTypedCommandsTest::sorted).toList();
        }
        return value;
    }

    private String ok(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("kubectl", "--kubeconfig=" + kubeconfig, "--server=" + server.url(),
                "--request-timeout=30s", "--namespace=default"));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(process.waitFor(90, TimeUnit.SECONDS), "kubectl " + String.join(" ", args) + " did not finish");
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), "kubectl " + String.join(" ", args) + "\nstdout: " + stdout + "\nstderr: "
                + Files.readString(err, StandardCharsets.UTF_8));
        return stdout;
    }
}
