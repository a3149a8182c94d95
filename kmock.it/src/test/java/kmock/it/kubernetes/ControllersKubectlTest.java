package kmock.it.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import kmock.handlers.Controllers;
import kmock.handlers.KObject;
import kmock.handlers.KubernetesEmulator;
import kmock.it.transport.BothTransports;
import kmock.test.KMockExtension;

/** The real kubectl against an emulator with controllers: rollouts, undo, waits, namespaces and cascading deletes finish. */
@BothTransports
class ControllersKubectlTest {

    /** A started emulator per test on the transport under test, closed after it. */
    @RegisterExtension
    final KMockExtension emulator;

    private final KubectlRunner kubectl;
    private KubernetesEmulator kmock;

    ControllersKubectlTest(String transport, @TempDir Path dir) throws IOException {
        emulator = KMockExtension.builder()
                .transport(transport)
                .controllers(Controllers.all().nodes(2))
                .build();
        kubectl = new KubectlRunner(dir, emulator);
    }

    @BeforeEach
    void reachTheEmulator() {
        kmock = emulator.handler(KubernetesEmulator.class);
    }

    private List<String> words(String... args) throws IOException, InterruptedException {
        String out = kubectl.ok(args).trim();
        return out.isEmpty() ? List.of() : Arrays.asList(out.split("\\s+"));
    }

    private void webRolledOut(String... namespace) throws IOException, InterruptedException {
        List<String> args =
                new java.util.ArrayList<>(List.of("create", "deployment", "web", "--image=nginx:1.27", "--replicas=3"));
        args.addAll(List.of(namespace));
        kubectl.ok(args);
        List<String> status =
                new java.util.ArrayList<>(List.of("rollout", "status", "deployment/web", "--timeout=60s"));
        status.addAll(List.of(namespace));
        String rollout = kubectl.ok(status);
        assertTrue(rollout.contains("deployment \"web\" successfully rolled out"), rollout);
    }

    @Test
    void createDeploymentThenRolloutStatusSucceeds() throws Exception {
        webRolledOut();
        assertEquals(
                "3 3 3",
                kubectl.ok(
                                "get",
                                "deployment",
                                "web",
                                "-o",
                                "jsonpath={.status.readyReplicas} {.status.availableReplicas} {.status.updatedReplicas}")
                        .trim());
    }

    @Test
    void podsRunReadyWithTheirAddresses() throws Exception {
        webRolledOut();
        assertEquals(
                List.of("Running", "Running", "Running"),
                words("get", "pods", "-o", "jsonpath={.items[*].status.phase}"));
        assertEquals(
                List.of("true", "true", "true"),
                words("get", "pods", "-o", "jsonpath={.items[*].status.containerStatuses[0].ready}"));
        assertEquals(
                3,
                words("get", "pods", "-o", "jsonpath={.items[*].status.podIP}").size());
        assertEquals(
                List.of("node-1", "node-2"),
                words("get", "pods", "-o", "jsonpath={.items[*].spec.nodeName}").stream()
                        .distinct()
                        .sorted()
                        .toList(),
                "spread over both nodes");
    }

    @Test
    void getPodsPrintsThemRunningAndReady() throws Exception {
        webRolledOut();
        List<List<String>> table = KubectlTables.parse(kubectl.ok("get", "pods"));
        assertEquals(List.of("NAME", "READY", "STATUS", "RESTARTS", "AGE"), table.get(0));
        assertEquals(3, table.size() - 1, table.toString());
        for (List<String> row : table.subList(1, table.size())) {
            assertTrue(
                    row.get(0).matches("web-[bcdfghjklmnpqrstvwxz2456789]{1,10}-[bcdfghjklmnpqrstvwxz2456789]{5}"),
                    row.get(0));
            assertEquals(List.of("1/1", "Running", "0"), row.subList(1, 4), row.toString());
        }
        List<List<String>> deployments = KubectlTables.parse(kubectl.ok("get", "deployments"));
        assertEquals(List.of("web", "3/3", "3", "3"), deployments.get(1).subList(0, 4));
    }

    @Test
    void setImageRollsOverAndRolloutUndoGoesBack() throws Exception {
        webRolledOut();
        kubectl.ok("set", "image", "deployment/web", "nginx=nginx:1.28");
        assertTrue(kubectl.ok("rollout", "status", "deployment/web", "--timeout=60s")
                .contains("successfully rolled out"));
        assertEquals(
                List.of("0", "3"),
                words(
                        "get",
                        "replicasets",
                        "--sort-by=.metadata.annotations.deployment\\.kubernetes\\.io/revision",
                        "-o",
                        "jsonpath={.items[*].spec.replicas}"));
        String history = kubectl.ok("rollout", "history", "deployment/web");
        assertTrue(
                history.lines().anyMatch(line -> line.trim().startsWith("1 "))
                        && history.lines().anyMatch(line -> line.trim().startsWith("2 ")),
                history);

        kubectl.ok("rollout", "undo", "deployment/web");
        assertTrue(kubectl.ok("rollout", "status", "deployment/web", "--timeout=60s")
                .contains("successfully rolled out"));
        assertEquals(
                "nginx:1.27",
                kubectl.ok("get", "deployment", "web", "-o", "jsonpath={.spec.template.spec.containers[0].image}"));
        assertEquals(
                List.of("nginx:1.27", "nginx:1.27", "nginx:1.27"),
                words("get", "pods", "-o", "jsonpath={.items[*].spec.containers[0].image}"));
        assertEquals(
                "3",
                kubectl.ok(
                        "get",
                        "deployment",
                        "web",
                        "-o",
                        "jsonpath={.metadata.annotations.deployment\\.kubernetes\\.io/revision}"));
        assertEquals(2, words("get", "replicasets", "-o", "name").size(), "revision 3 is the first ReplicaSet again");
    }

    @Test
    void waitForAvailableAndForAJobsCompletion() throws Exception {
        kubectl.ok("create", "deployment", "web", "--image=nginx:1.27");
        assertTrue(kubectl.ok("wait", "--for=condition=Available", "deployment/web", "--timeout=60s")
                .contains("condition met"));
        kubectl.ok("create", "job", "pi", "--image=perl:5.34");
        assertTrue(kubectl.ok("wait", "--for=condition=complete", "job/pi", "--timeout=60s")
                .contains("condition met"));
        assertEquals("1", kubectl.ok("get", "job", "pi", "-o", "jsonpath={.status.succeeded}"));
        assertEquals(
                "Succeeded", kubectl.ok("get", "pods", "-l", "job-name=pi", "-o", "jsonpath={.items[0].status.phase}"));
    }

    @Test
    void deletingANamespaceRemovesItsContentThenItself() throws Exception {
        kubectl.ok("create", "namespace", "team");
        webRolledOut("-n", "team");
        kubectl.ok("create", "configmap", "settings", "--from-literal=a=1", "-n", "team");
        kubectl.ok("delete", "namespace", "team", "--timeout=60s");
        KubectlRunner.Result gone = kubectl.run(List.of("get", "namespace", "team"));
        assertEquals(1, gone.code());
        assertTrue(gone.err().contains("NotFound"), gone.err());
        List<String> left = kmock.objects().keys().stream()
                .filter(key -> "team".equals(key.namespace())
                        && !kmock.objects().get(key).deleted())
                .map(Object::toString)
                .toList();
        assertEquals(List.of(), left);
    }

    @Test
    void deletingADeploymentInTheBackgroundTakesItsReplicaSetsAndPods() throws Exception {
        webRolledOut();
        kubectl.ok("delete", "deployment", "web", "--cascade=background", "--wait=true");
        kubectl.ok("wait", "--for=delete", "pods", "--all", "--timeout=60s");
        assertEquals(List.of(), words("get", "replicasets", "-o", "name"));
    }

    @Test
    void deletingADeploymentInTheForegroundWaitsForItsDependents() throws Exception {
        webRolledOut();
        kubectl.ok("delete", "deployment", "web", "--cascade=foreground", "--timeout=60s");
        assertEquals(List.of(), words("get", "replicasets,pods", "-o", "name"), "gone before the deployment was");
        KObject deployment = kmock.objects().get("apps/v1/deployments", "default", "web");
        assertTrue(deployment.deleted());
        assertTrue(
                deployment.history().stream()
                        .anyMatch(version -> version != null
                                && String.valueOf(((Map<?, ?>) version.get("metadata")).get("finalizers"))
                                        .contains("foregroundDeletion")),
                "held by the garbage collector's finalizer until then");
    }

    @Test
    void deletingADeploymentWithOrphanLeavesItsReplicaSetRunning() throws Exception {
        webRolledOut();
        kubectl.ok("delete", "deployment", "web", "--cascade=orphan", "--timeout=60s");
        assertEquals(1, words("get", "replicasets", "-o", "name").size());
        assertEquals(
                "",
                kubectl.ok("get", "replicasets", "-o", "jsonpath={.items[0].metadata.ownerReferences}")
                        .trim());
        assertEquals(3, words("get", "pods", "-o", "name").size());
    }

    @Test
    void statefulSetsAndDaemonSetsRollOutToo() throws Exception {
        Path manifest = kubectl.file(
                "workloads.yaml",
                String.join(
                        "\n",
                        "apiVersion: apps/v1",
                        "kind: StatefulSet",
                        "metadata: {name: db}",
                        "spec:",
                        "  replicas: 2",
                        "  serviceName: db",
                        "  selector: {matchLabels: {app: db}}",
                        "  template:",
                        "    metadata: {labels: {app: db}}",
                        "    spec: {containers: [{name: db, image: 'postgres:16'}]}",
                        "---",
                        "apiVersion: apps/v1",
                        "kind: DaemonSet",
                        "metadata: {name: agent}",
                        "spec:",
                        "  selector: {matchLabels: {app: agent}}",
                        "  template:",
                        "    metadata: {labels: {app: agent}}",
                        "    spec: {containers: [{name: agent, image: 'agent:1'}]}",
                        ""));
        kubectl.ok("apply", "-f", manifest.toString());
        assertTrue(kubectl.ok("rollout", "status", "statefulset/db", "--timeout=60s")
                .contains("roll out complete"));
        assertTrue(kubectl.ok("rollout", "status", "daemonset/agent", "--timeout=60s")
                .contains("successfully rolled out"));
        assertEquals(
                List.of("db-0", "db-1"),
                words("get", "pods", "-l", "app=db", "-o", "jsonpath={.items[*].metadata.name}"));
        assertEquals(2, words("get", "pods", "-l", "app=agent", "-o", "name").size(), "one per node");
        kubectl.ok("set", "image", "statefulset/db", "db=postgres:17");
        assertTrue(kubectl.ok("rollout", "status", "statefulset/db", "--timeout=60s")
                .contains("roll out complete"));
        assertEquals(
                2,
                words("rollout", "history", "statefulset/db").stream()
                        .filter(w -> w.matches("\\d+"))
                        .count());
    }
}
