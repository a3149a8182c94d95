package kmock.handlers;

import static kmock.handlers.Manifests.at;
import static kmock.handlers.Manifests.condition;
import static kmock.handlers.Manifests.create;
import static kmock.handlers.Manifests.get;
import static kmock.handlers.Manifests.map;
import static kmock.handlers.Manifests.mapAt;
import static kmock.handlers.Manifests.pod;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;

/** Nodes, the scheduler and the kubelets: pods are bound, run, become ready, finish and go as on a cluster's nodes. */
@BothTransports
class ControllersPodsTest {

    private static final String PODS = "/api/v1/namespaces/default/pods";
    private static final Instant START = Instant.parse("2030-01-01T00:00:00Z");

    @Parameter
    String transport;

    @RegisterExtension
    final Served served = new Served();

    private KubernetesEmulator kmock;

    private KubernetesEmulator start(Controllers controllers) {
        kmock = served.serve(
                KubernetesEmulator.builder()
                        .controllers(controllers.background(false))
                        .clock(Clock.fixed(START, ZoneOffset.UTC))
                        .build(),
                transport);
        return kmock;
    }

    @Test
    void theConfiguredNodesRegisterReady() {
        start(Controllers.all().nodes(2).node("gpu-1", Map.of("gpu", "true")));
        List<Map<String, Object>> nodes = Manifests.items(kmock, "/api/v1/nodes");
        assertEquals(List.of("gpu-1", "node-1", "node-2"), Manifests.names(nodes));
        Map<String, Object> gpu = nodes.get(0);
        assertEquals("True", condition(gpu, "Ready").get("status"));
        assertEquals("true", at(gpu, "metadata", "labels", "gpu"));
        assertEquals("gpu-1", at(gpu, "metadata", "labels", "kubernetes.io/hostname"));
        assertEquals("110", at(gpu, "status", "allocatable", "pods"));
    }

    @Test
    void aPodIsScheduledAndRunsReadyWithAddressesAndContainerStatuses() {
        start(Controllers.all());
        create(kmock, PODS, pod("web", null, Map.of()));
        kmock.settle();
        Map<String, Object> pod = get(kmock, PODS + "/web");
        assertEquals("node-1", at(pod, "spec", "nodeName"));
        assertEquals("Running", at(pod, "status", "phase"));
        assertEquals("10.244.0.2", at(pod, "status", "podIP"));
        assertEquals("172.18.0.2", at(pod, "status", "hostIP"));
        assertEquals("2030-01-01T00:00:00Z", at(pod, "status", "startTime"));
        assertEquals(
                List.of("PodReadyToStartContainers", "Initialized", "Ready", "ContainersReady", "PodScheduled"),
                ((List<?>) at(pod, "status", "conditions"))
                        .stream().map(c -> ((Map<?, ?>) c).get("type")).toList());
        assertEquals("True", condition(pod, "Ready").get("status"));
        Map<?, ?> container = (Map<?, ?>) at(pod, "status", "containerStatuses", 0);
        assertEquals(true, container.get("ready"));
        assertEquals(true, container.get("started"));
        assertEquals("docker.io/library/busybox:latest", container.get("image"));
        assertEquals("2030-01-01T00:00:00Z", at(container, "state", "running", "startedAt"));
        assertTrue(String.valueOf(container.get("containerID")).startsWith("containerd://"));
    }

    @Test
    void aPodIsCreatedThenBoundThenRunInThreeWrites() {
        start(Controllers.all());
        create(kmock, PODS, pod("web", null, Map.of()));
        kmock.settle();
        List<Map<String, Object>> history =
                kmock.objects().get("v1/pods", "default", "web").history();
        assertEquals(3, history.size(), "created, bound by the scheduler, then run by the kubelet: " + history);
        assertEquals(
                List.of("Pending", "Pending", "Running"),
                history.stream().map(v -> at(v, "status", "phase")).toList());
        assertNull(at(history.get(0), "spec", "nodeName"));
        assertEquals("node-1", at(history.get(1), "spec", "nodeName"));
        assertEquals("True", condition(history.get(1), "PodScheduled").get("status"));
        assertEquals("Running", at(history.get(2), "status", "phase"));
    }

    @Test
    void runToCompletionPodsSucceedOrFailByTheirExitCode() {
        start(Controllers.all());
        create(kmock, PODS, pod("ok", "Never", Map.of()));
        create(kmock, PODS, pod("broken", "Never", Map.of(Controllers.EXIT_CODE, "3")));
        kmock.settle();
        assertEquals("Succeeded", at(get(kmock, PODS + "/ok"), "status", "phase"));
        Map<String, Object> broken = get(kmock, PODS + "/broken");
        assertEquals("Failed", at(broken, "status", "phase"));
        assertEquals(3, at(broken, "status", "containerStatuses", 0, "state", "terminated", "exitCode"));
        assertEquals("Error", at(broken, "status", "containerStatuses", 0, "state", "terminated", "reason"));
        assertEquals("PodFailed", condition(broken, "Ready").get("reason"));
    }

    @Test
    void aRuleGivesMatchingPodsTheirOutcome() {
        start(Controllers.all().pods("app=flaky", Map.of(Controllers.EXIT_CODE, "1")));
        create(kmock, PODS, pod("flaky", "Never", Map.of()));
        create(kmock, PODS, pod("steady", "Never", Map.of()));
        kmock.settle();
        assertEquals("Failed", at(get(kmock, PODS + "/flaky"), "status", "phase"));
        assertEquals("Succeeded", at(get(kmock, PODS + "/steady"), "status", "phase"));
    }

    @Test
    void aCrashingContainerBacksOffAndRestartsAsTheClockMoves() {
        start(Controllers.all());
        create(kmock, PODS, pod("crash", "Always", Map.of(Controllers.EXIT_CODE, "1")));
        kmock.settle();
        Map<String, Object> crashed = get(kmock, PODS + "/crash");
        assertEquals("Running", at(crashed, "status", "phase"));
        assertEquals(1, at(crashed, "status", "containerStatuses", 0, "restartCount"));
        assertEquals("CrashLoopBackOff", at(crashed, "status", "containerStatuses", 0, "state", "waiting", "reason"));
        assertEquals(1, at(crashed, "status", "containerStatuses", 0, "lastState", "terminated", "exitCode"));

        kmock.advance(Duration.ofSeconds(9));
        assertEquals(
                1,
                at(get(kmock, PODS + "/crash"), "status", "containerStatuses", 0, "restartCount"),
                "still backing off");
        kmock.advance(Duration.ofSeconds(1));
        assertEquals(
                2,
                at(get(kmock, PODS + "/crash"), "status", "containerStatuses", 0, "restartCount"),
                "restarted after 10 s, crashed again");
        kmock.advance(Duration.ofSeconds(20));
        assertEquals(
                3,
                at(get(kmock, PODS + "/crash"), "status", "containerStatuses", 0, "restartCount"),
                "the back-off doubled to 20 s");
    }

    @Test
    void delaysMakeEachTransitionWaitForTheClock() {
        start(Controllers.all()
                .delay(Controllers.Transition.SCHEDULE, Duration.ofSeconds(1))
                .delay(Controllers.Transition.START, Duration.ofSeconds(2))
                .delay(Controllers.Transition.READY, Duration.ofSeconds(3)));
        create(kmock, PODS, pod("slow", null, Map.of()));
        kmock.settle();
        assertNull(at(get(kmock, PODS + "/slow"), "spec", "nodeName"), "not scheduled before 1 s");
        kmock.advance(Duration.ofSeconds(1));
        Map<String, Object> creating = get(kmock, PODS + "/slow");
        assertEquals("node-1", at(creating, "spec", "nodeName"));
        assertEquals("ContainerCreating", at(creating, "status", "containerStatuses", 0, "state", "waiting", "reason"));
        kmock.advance(Duration.ofSeconds(2));
        Map<String, Object> running = get(kmock, PODS + "/slow");
        assertEquals("Running", at(running, "status", "phase"));
        assertEquals("False", condition(running, "Ready").get("status"));
        kmock.advance(Duration.ofSeconds(3));
        Map<String, Object> ready = get(kmock, PODS + "/slow");
        assertEquals("True", condition(ready, "Ready").get("status"));
        assertEquals("2030-01-01T00:00:06Z", condition(ready, "Ready").get("lastTransitionTime"));
    }

    @Test
    void aPodThatNeverBecomesReadyRunsNotReady() {
        start(Controllers.all());
        create(kmock, PODS, pod("stuck", null, Map.of(Controllers.READY, "false")));
        kmock.advance(Duration.ofMinutes(10));
        Map<String, Object> pod = get(kmock, PODS + "/stuck");
        assertEquals("Running", at(pod, "status", "phase"));
        assertEquals("ContainersNotReady", condition(pod, "Ready").get("reason"));
    }

    @Test
    void aWaitingReasonKeepsThePodPending() {
        start(Controllers.all());
        create(kmock, PODS, pod("pull", null, Map.of(Controllers.WAITING, "ImagePullBackOff")));
        kmock.settle();
        Map<String, Object> pod = get(kmock, PODS + "/pull");
        assertEquals("Pending", at(pod, "status", "phase"));
        assertEquals("ImagePullBackOff", at(pod, "status", "containerStatuses", 0, "state", "waiting", "reason"));
    }

    @Test
    void aPodNoNodeFitsStaysPendingWithTheSchedulersReasons() {
        start(Controllers.all().nodes(2));
        Map<String, Object> picky = pod("picky", null, Map.of());
        mapAt(picky, "spec").put("nodeSelector", Map.of("disk", "ssd"));
        create(kmock, PODS, picky);
        kmock.settle();
        Map<?, ?> scheduled = condition(get(kmock, PODS + "/picky"), "PodScheduled");
        assertEquals("False", scheduled.get("status"));
        assertEquals("Unschedulable", scheduled.get("reason"));
        assertEquals(
                "0/2 nodes are available: 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/2 nodes "
                        + "are available: 2 Preemption is not helpful for scheduling.",
                scheduled.get("message"));

        kmock.objects().put("v1/nodes", null, "ssd-1", map("metadata", map("labels", Map.of("disk", "ssd"))));
        kmock.settle();
        assertEquals("ssd-1", at(get(kmock, PODS + "/picky"), "spec", "nodeName"), "a new node that fits gets the pod");
        assertEquals("Running", at(get(kmock, PODS + "/picky"), "status", "phase"));
    }

    @Test
    void podsSpreadOverTheNodes() {
        start(Controllers.all().nodes(3));
        for (String name : List.of("a", "b", "c")) {
            create(kmock, PODS, pod(name, null, Map.of()));
        }
        kmock.settle();
        assertEquals(
                List.of("node-1", "node-2", "node-3"),
                List.of("a", "b", "c").stream()
                        .map(name -> at(get(kmock, PODS + "/" + name), "spec", "nodeName"))
                        .sorted()
                        .toList());
    }

    @Test
    void aGracefulDeleteIsFinishedByTheKubelet() {
        start(Controllers.all());
        create(kmock, PODS, pod("web", null, Map.of()));
        kmock.settle();
        Map<?, ?> terminating = (Map<?, ?>) kmock.delete(PODS + "/web").json();
        assertEquals(30, at(terminating, "metadata", "deletionGracePeriodSeconds"));
        kmock.settle();
        assertNull(get(kmock, PODS + "/web"));
        List<Map<String, Object>> history =
                kmock.objects().get("v1/pods", "default", "web").history();
        assertNull(history.get(history.size() - 1), "deleted");
        assertEquals(
                "Succeeded",
                at(history.get(history.size() - 2), "status", "phase"),
                "the containers stopped before the final delete");
    }

    @Test
    void theTerminationDelayKeepsADeletedPodUntilItPasses() {
        start(Controllers.all().delay(Controllers.Transition.TERMINATE, Duration.ofSeconds(5)));
        create(kmock, PODS, pod("web", null, Map.of()));
        kmock.settle();
        kmock.delete(PODS + "/web");
        kmock.advance(Duration.ofSeconds(4));
        assertNotNull(get(kmock, PODS + "/web"));
        kmock.advance(Duration.ofSeconds(1));
        assertNull(get(kmock, PODS + "/web"));
    }
}
