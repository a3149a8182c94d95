package kmock.handlers;

import static kmock.handlers.Manifests.at;
import static kmock.handlers.Manifests.condition;
import static kmock.handlers.Manifests.create;
import static kmock.handlers.Manifests.deployment;
import static kmock.handlers.Manifests.get;
import static kmock.handlers.Manifests.items;
import static kmock.handlers.Manifests.map;
import static kmock.handlers.Manifests.mapAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;

import kmock.api.KResponse;

/** Deployments roll out through ReplicaSets and pods as kube-controller-manager rolls them. */
@BothTransports
class ControllersDeploymentTest {

    private static final String DEPLOYMENTS = "/apis/apps/v1/namespaces/default/deployments";
    private static final String REPLICA_SETS = "/apis/apps/v1/namespaces/default/replicasets";
    private static final String PODS = "/api/v1/namespaces/default/pods";

    @Parameter
    String transport;

    @RegisterExtension
    final Served served = new Served();

    private KubernetesEmulator kmock;

    private void start(Controllers controllers) {
        kmock = served.serve(
                KubernetesEmulator.builder()
                        .controllers(controllers.background(false))
                        .clock(Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC))
                        .build(),
                transport);
    }

    private void image(String name, String image) {
        KResponse patched = kmock.patch(
                DEPLOYMENTS + "/" + name,
                map(
                        "spec",
                        map("template", map("spec", map("containers", List.of(map("name", name, "image", image)))))));
        assertEquals(200, patched.status(), patched.text());
    }

    private List<Map<String, Object>> replicaSets() {
        List<Map<String, Object>> sets = items(kmock, REPLICA_SETS);
        sets.sort(Comparator.comparing(
                rs -> Long.parseLong((String) at(rs, "metadata", "annotations", "deployment.kubernetes.io/revision"))));
        return sets;
    }

    private List<Map<String, Object>> runningPods() {
        return items(kmock, PODS).stream()
                .filter(pod -> at(pod, "metadata", "deletionTimestamp") == null)
                .toList();
    }

    @Test
    void aDeploymentGetsAReplicaSetWhosePodsMakeItAvailable() {
        start(Controllers.all());
        create(kmock, DEPLOYMENTS, deployment("web", 3, "nginx:1.27"));
        kmock.settle();
        List<Map<String, Object>> sets = replicaSets();
        assertEquals(1, sets.size());
        Map<String, Object> rs = sets.get(0);
        String hash = (String) at(rs, "metadata", "labels", "pod-template-hash");
        assertEquals("web-" + hash, at(rs, "metadata", "name"));
        assertEquals(
                Map.of(
                        "deployment.kubernetes.io/revision",
                        "1",
                        "deployment.kubernetes.io/desired-replicas",
                        "3",
                        "deployment.kubernetes.io/max-replicas",
                        "4"),
                at(rs, "metadata", "annotations"));
        assertEquals(hash, at(rs, "spec", "selector", "matchLabels", "pod-template-hash"));
        assertEquals("Deployment", at(rs, "metadata", "ownerReferences", 0, "kind"));
        assertEquals(3, at(rs, "status", "availableReplicas"));

        List<Map<String, Object>> pods = runningPods();
        assertEquals(3, pods.size());
        assertTrue(pods.stream()
                .allMatch(pod -> "Running".equals(at(pod, "status", "phase"))
                        && hash.equals(at(pod, "metadata", "labels", "pod-template-hash"))
                        && ((String) at(pod, "metadata", "name")).startsWith("web-" + hash + "-")));

        Map<String, Object> deployment = get(kmock, DEPLOYMENTS + "/web");
        assertEquals(
                map(
                        "observedGeneration",
                        1,
                        "replicas",
                        3,
                        "updatedReplicas",
                        3,
                        "readyReplicas",
                        3,
                        "availableReplicas",
                        3),
                withoutConditions(at(deployment, "status")));
        assertEquals("1", at(deployment, "metadata", "annotations", "deployment.kubernetes.io/revision"));
        assertEquals(
                1,
                at(deployment, "metadata", "generation"),
                "the revision came through /status, which keeps the generation");
        assertEquals(
                "MinimumReplicasAvailable", condition(deployment, "Available").get("reason"));
        assertEquals(
                "NewReplicaSetAvailable", condition(deployment, "Progressing").get("reason"));
        assertEquals(
                "ReplicaSet \"web-" + hash + "\" has successfully progressed.",
                condition(deployment, "Progressing").get("message"));
    }

    @Test
    void theControllersWritesCarryTheirFieldManagers() {
        start(Controllers.all());
        create(kmock, DEPLOYMENTS, deployment("web", 1, "nginx"));
        kmock.settle();
        assertEquals(
                List.of("kube-controller-manager Update null", "kubelet Update status"),
                managers(runningPods().get(0)),
                "made by the ReplicaSet controller, run by the kubelet");
        assertEquals(
                List.of("kube-controller-manager Update null", "kube-controller-manager Update status"),
                managers(replicaSets().get(0)));
        assertTrue(managers(get(kmock, DEPLOYMENTS + "/web")).contains("kube-controller-manager Update status"));
    }

    private static List<String> managers(Map<String, Object> object) {
        return ((List<?>) at(object, "metadata", "managedFields"))
                .stream()
                        .map(entry ->
                                at(entry, "manager") + " " + at(entry, "operation") + " " + at(entry, "subresource"))
                        .sorted()
                        .toList();
    }

    @Test
    void aNewTemplateRollsOverToANewReplicaSetAndKeepsTheOld() {
        start(Controllers.all());
        create(kmock, DEPLOYMENTS, deployment("web", 3, "nginx:1.27"));
        kmock.settle();
        image("web", "nginx:1.28");
        kmock.settle();
        List<Map<String, Object>> sets = replicaSets();
        assertEquals(2, sets.size());
        assertEquals(0, at(sets.get(0), "spec", "replicas"));
        assertEquals(3, at(sets.get(1), "spec", "replicas"));
        assertEquals("2", at(sets.get(1), "metadata", "annotations", "deployment.kubernetes.io/revision"));
        assertEquals("nginx:1.28", at(sets.get(1), "spec", "template", "spec", "containers", 0, "image"));
        String newHash = (String) at(sets.get(1), "metadata", "labels", "pod-template-hash");
        List<Map<String, Object>> pods = runningPods();
        assertEquals(3, pods.size());
        assertTrue(pods.stream().allMatch(pod -> newHash.equals(at(pod, "metadata", "labels", "pod-template-hash"))));
        Map<String, Object> deployment = get(kmock, DEPLOYMENTS + "/web");
        assertEquals("2", at(deployment, "metadata", "annotations", "deployment.kubernetes.io/revision"));
        assertEquals(2, at(deployment, "status", "observedGeneration"));
        assertEquals(3, at(deployment, "status", "updatedReplicas"));
    }

    @Test
    void aRollingUpdateStaysWithinMaxSurgeAndMaxUnavailable() {
        start(Controllers.all().delay(Controllers.Transition.READY, Duration.ofSeconds(1)));
        Map<String, Object> manifest = deployment("web", 4, "nginx:1.27");
        mapAt(manifest, "spec")
                .put(
                        "strategy",
                        map("type", "RollingUpdate", "rollingUpdate", map("maxSurge", 1, "maxUnavailable", 0)));
        create(kmock, DEPLOYMENTS, manifest);
        kmock.advance(Duration.ofSeconds(1));
        image("web", "nginx:1.28");
        int steps = 0;
        boolean sawBoth = false;
        while (!"4".equals(String.valueOf(at(get(kmock, DEPLOYMENTS + "/web"), "status", "updatedReplicas")))
                || ((Number) at(replicaSets().get(0), "spec", "replicas")).intValue() > 0) {
            kmock.advance(Duration.ofSeconds(1));
            List<Map<String, Object>> sets = replicaSets();
            int desired = sets.stream()
                    .mapToInt(rs -> ((Number) at(rs, "spec", "replicas")).intValue())
                    .sum();
            int available = sets.stream()
                    .mapToInt(rs -> number(at(rs, "status", "availableReplicas")))
                    .sum();
            assertTrue(desired <= 5, "at most replicas + maxSurge: " + desired);
            assertTrue(available >= 4, "at least replicas - maxUnavailable available: " + available);
            sawBoth |= sets.size() == 2
                    && number(at(sets.get(0), "spec", "replicas")) > 0
                    && number(at(sets.get(1), "spec", "replicas")) > 0;
            assertTrue(++steps < 30, "the rollout finishes");
        }
        assertTrue(sawBoth, "old and new pods ran side by side");
        assertEquals(
                "NewReplicaSetAvailable",
                condition(get(kmock, DEPLOYMENTS + "/web"), "Progressing").get("reason"));
    }

    @Test
    void goingBackToAnEarlierTemplateReusesItsReplicaSetWithTheNextRevision() {
        start(Controllers.all());
        create(kmock, DEPLOYMENTS, deployment("web", 2, "nginx:1.27"));
        kmock.settle();
        String first = (String) at(replicaSets().get(0), "metadata", "name");
        image("web", "nginx:1.28");
        kmock.settle();
        image("web", "nginx:1.27");
        kmock.settle();
        List<Map<String, Object>> sets = replicaSets();
        assertEquals(2, sets.size());
        Map<String, Object> back = sets.get(1);
        assertEquals(first, at(back, "metadata", "name"));
        assertEquals("3", at(back, "metadata", "annotations", "deployment.kubernetes.io/revision"));
        assertEquals("1", at(back, "metadata", "annotations", "deployment.kubernetes.io/revision-history"));
        assertEquals(2, at(back, "spec", "replicas"));
        assertEquals(0, at(sets.get(0), "spec", "replicas"));
    }

    @Test
    void scalingResizesTheReplicaSet() {
        start(Controllers.all());
        create(kmock, DEPLOYMENTS, deployment("web", 2, "nginx"));
        kmock.settle();
        kmock.patch(DEPLOYMENTS + "/web", map("spec", map("replicas", 5)));
        kmock.settle();
        assertEquals(5, runningPods().size());
        assertEquals(
                "5", at(replicaSets().get(0), "metadata", "annotations", "deployment.kubernetes.io/desired-replicas"));
        kmock.patch(DEPLOYMENTS + "/web", map("spec", map("replicas", 1)));
        kmock.settle();
        assertEquals(1, runningPods().size());
        assertEquals(1, at(get(kmock, DEPLOYMENTS + "/web"), "status", "availableReplicas"));
    }

    @Test
    void recreateStopsTheOldPodsBeforeStartingNewOnes() {
        start(Controllers.all().delay(Controllers.Transition.TERMINATE, Duration.ofSeconds(5)));
        Map<String, Object> manifest = deployment("web", 2, "nginx:1.27");
        mapAt(manifest, "spec").put("strategy", map("type", "Recreate"));
        create(kmock, DEPLOYMENTS, manifest);
        kmock.settle();
        image("web", "nginx:1.28");
        kmock.settle();
        assertEquals(1, replicaSets().size(), "no new ReplicaSet while old pods terminate");
        assertEquals(2, items(kmock, PODS).size());
        kmock.advance(Duration.ofSeconds(5));
        List<Map<String, Object>> sets = replicaSets();
        assertEquals(2, sets.size());
        assertEquals(2, runningPods().size());
        assertTrue(
                runningPods().stream().allMatch(pod -> "nginx:1.28".equals(at(pod, "spec", "containers", 0, "image"))));
    }

    @Test
    void aPausedDeploymentWaitsToRollOut() {
        start(Controllers.all());
        create(kmock, DEPLOYMENTS, deployment("web", 1, "nginx:1.27"));
        kmock.settle();
        kmock.patch(DEPLOYMENTS + "/web", map("spec", map("paused", true)));
        image("web", "nginx:1.28");
        kmock.settle();
        assertEquals(1, replicaSets().size());
        assertEquals(
                "DeploymentPaused",
                condition(get(kmock, DEPLOYMENTS + "/web"), "Progressing").get("reason"));
        kmock.patch(DEPLOYMENTS + "/web", map("spec", map("paused", false)));
        kmock.settle();
        assertEquals(2, replicaSets().size());
        assertEquals(
                "NewReplicaSetAvailable",
                condition(get(kmock, DEPLOYMENTS + "/web"), "Progressing").get("reason"));
    }

    @Test
    void aRolloutThatMissesItsDeadlineSaysSo() {
        start(Controllers.all().pods("app=web", Map.of(Controllers.READY, "false")));
        Map<String, Object> manifest = deployment("web", 1, "nginx");
        mapAt(manifest, "spec").put("progressDeadlineSeconds", 60);
        create(kmock, DEPLOYMENTS, manifest);
        kmock.advance(Duration.ofSeconds(60));
        assertEquals(
                "True",
                condition(get(kmock, DEPLOYMENTS + "/web"), "Progressing").get("status"));
        kmock.advance(Duration.ofSeconds(2));
        Map<?, ?> progressing = condition(get(kmock, DEPLOYMENTS + "/web"), "Progressing");
        assertEquals("False", progressing.get("status"));
        assertEquals("ProgressDeadlineExceeded", progressing.get("reason"));
        assertEquals(
                "False",
                condition(get(kmock, DEPLOYMENTS + "/web"), "Available").get("status"));
    }

    @Test
    void oldReplicaSetsBeyondTheHistoryLimitAreDeleted() {
        start(Controllers.all());
        Map<String, Object> manifest = deployment("web", 1, "nginx:1");
        mapAt(manifest, "spec").put("revisionHistoryLimit", 1);
        create(kmock, DEPLOYMENTS, manifest);
        kmock.settle();
        for (String version : List.of("2", "3", "4")) {
            image("web", "nginx:" + version);
            kmock.settle();
        }
        List<Map<String, Object>> sets = replicaSets();
        assertEquals(
                List.of("3", "4"),
                sets.stream()
                        .map(rs -> at(rs, "metadata", "annotations", "deployment.kubernetes.io/revision"))
                        .toList());
        assertNotEquals(at(sets.get(0), "metadata", "name"), at(sets.get(1), "metadata", "name"));
    }

    private static int number(Object value) {
        return value instanceof Number n ? n.intValue() : 0;
    }

    private static Map<?, ?> withoutConditions(Object status) {
        Map<Object, Object> copy = new java.util.LinkedHashMap<>((Map<?, ?>) status);
        copy.remove("conditions");
        return copy;
    }
}
