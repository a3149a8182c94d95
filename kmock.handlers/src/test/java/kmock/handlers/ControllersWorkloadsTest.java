package kmock.handlers;

import static kmock.handlers.Manifests.at;
import static kmock.handlers.Manifests.condition;
import static kmock.handlers.Manifests.create;
import static kmock.handlers.Manifests.get;
import static kmock.handlers.Manifests.items;
import static kmock.handlers.Manifests.job;
import static kmock.handlers.Manifests.map;
import static kmock.handlers.Manifests.mapAt;
import static kmock.handlers.Manifests.names;
import static kmock.handlers.Manifests.template;
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

/** StatefulSets, DaemonSets, Jobs and CronJobs as their controllers run them. */
@BothTransports
class ControllersWorkloadsTest {

    private static final String PODS = "/api/v1/namespaces/default/pods";
    private static final String JOBS = "/apis/batch/v1/namespaces/default/jobs";
    private static final String STATEFUL_SETS = "/apis/apps/v1/namespaces/default/statefulsets";
    private static final String DAEMON_SETS = "/apis/apps/v1/namespaces/default/daemonsets";

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

    private static Map<String, Object> statefulSet(String name, int replicas, String image) {
        return map(
                "apiVersion",
                "apps/v1",
                "kind",
                "StatefulSet",
                "metadata",
                map("name", name),
                "spec",
                map(
                        "replicas",
                        replicas,
                        "serviceName",
                        name,
                        "selector",
                        map("matchLabels", Map.of("app", name)),
                        "template",
                        template(name, image, Map.of(), null),
                        "volumeClaimTemplates",
                        List.of(map(
                                "metadata",
                                map("name", "data"),
                                "spec",
                                map(
                                        "accessModes",
                                        List.of("ReadWriteOnce"),
                                        "resources",
                                        map("requests", Map.of("storage", "1Gi")))))));
    }

    @Test
    void aStatefulSetMakesItsPodsInOrderEachOnceTheOneBeforeIsReady() {
        start(Controllers.all().delay(Controllers.Transition.READY, Duration.ofSeconds(1)));
        create(kmock, STATEFUL_SETS, statefulSet("db", 3, "postgres:16"));
        kmock.settle();
        assertEquals(List.of("db-0"), names(items(kmock, PODS)), "db-1 waits until db-0 is ready");
        kmock.advance(Duration.ofSeconds(1));
        assertEquals(List.of("db-0", "db-1"), names(items(kmock, PODS)));
        kmock.advance(Duration.ofSeconds(2));
        List<Map<String, Object>> pods = items(kmock, PODS);
        assertEquals(List.of("db-0", "db-1", "db-2"), names(pods));
        assertEquals("db-2", at(pods.get(2), "spec", "hostname"));
        assertEquals("db", at(pods.get(2), "spec", "subdomain"));
        assertEquals("2", at(pods.get(2), "metadata", "labels", "apps.kubernetes.io/pod-index"));
        assertEquals("data-db-2", at(pods.get(2), "spec", "volumes", 0, "persistentVolumeClaim", "claimName"));
        assertEquals(
                List.of("data-db-0", "data-db-1", "data-db-2"),
                names(items(kmock, "/api/v1/namespaces/default/persistentvolumeclaims")));
        Map<String, Object> set = get(kmock, STATEFUL_SETS + "/db");
        assertEquals(3, at(set, "status", "readyReplicas"));
        assertEquals(at(set, "status", "currentRevision"), at(set, "status", "updateRevision"));
        assertEquals(
                at(set, "status", "updateRevision"), at(pods.get(0), "metadata", "labels", "controller-revision-hash"));
    }

    @Test
    void aStatefulSetRollsItsPodsFromTheHighestOrdinalDown() {
        start(Controllers.all());
        create(kmock, STATEFUL_SETS, statefulSet("db", 2, "postgres:16"));
        kmock.settle();
        String before = (String) at(get(kmock, STATEFUL_SETS + "/db"), "status", "currentRevision");
        kmock.patch(
                STATEFUL_SETS + "/db",
                map(
                        "spec",
                        map(
                                "template",
                                map("spec", map("containers", List.of(map("name", "db", "image", "postgres:17")))))));
        kmock.settle();
        Map<String, Object> set = get(kmock, STATEFUL_SETS + "/db");
        String after = (String) at(set, "status", "updateRevision");
        assertTrue(!after.equals(before), "a new revision");
        assertEquals(after, at(set, "status", "currentRevision"), "the rollout completed");
        assertTrue(items(kmock, PODS).stream()
                .allMatch(pod -> "postgres:17".equals(at(pod, "spec", "containers", 0, "image"))));
        assertEquals(
                2,
                items(kmock, "/apis/apps/v1/namespaces/default/controllerrevisions")
                        .size());
    }

    @Test
    void aDaemonSetRunsOnePodOnEveryNodeItSelects() {
        start(Controllers.all().nodes(2).node("edge-1", Map.of("role", "edge")));
        Map<String, Object> all = map(
                "apiVersion",
                "apps/v1",
                "kind",
                "DaemonSet",
                "metadata",
                map("name", "agent"),
                "spec",
                map(
                        "selector",
                        map("matchLabels", Map.of("app", "agent")),
                        "template",
                        template("agent", "agent:1", Map.of(), null)));
        create(kmock, DAEMON_SETS, all);
        Map<String, Object> edge = map(
                "apiVersion",
                "apps/v1",
                "kind",
                "DaemonSet",
                "metadata",
                map("name", "edge"),
                "spec",
                map(
                        "selector",
                        map("matchLabels", Map.of("app", "edge")),
                        "template",
                        template("edge", "edge:1", Map.of(), null)));
        mapAt(edge, "spec", "template", "spec").put("nodeSelector", Map.of("role", "edge"));
        create(kmock, DAEMON_SETS, edge);
        kmock.settle();
        List<Map<String, Object>> pods = items(kmock, PODS);
        assertEquals(
                List.of("edge-1", "node-1", "node-2"),
                pods.stream()
                        .filter(p -> "agent".equals(at(p, "metadata", "labels", "app")))
                        .map(p -> (String) at(p, "spec", "nodeName"))
                        .sorted()
                        .toList());
        assertEquals(
                List.of("edge-1"),
                pods.stream()
                        .filter(p -> "edge".equals(at(p, "metadata", "labels", "app")))
                        .map(p -> (String) at(p, "spec", "nodeName"))
                        .toList());
        Map<String, Object> agent = get(kmock, DAEMON_SETS + "/agent");
        assertEquals(3, at(agent, "status", "desiredNumberScheduled"));
        assertEquals(3, at(agent, "status", "numberReady"));
        assertEquals(3, at(agent, "status", "updatedNumberScheduled"));

        kmock.objects().put("v1/nodes", null, "node-3", map("metadata", map()));
        kmock.settle();
        assertEquals(4, at(get(kmock, DAEMON_SETS + "/agent"), "status", "numberAvailable"), "a new node gets its pod");
    }

    @Test
    void aDaemonSetSkipsTaintedNodesUnlessItToleratesTheTaint() {
        start(Controllers.all().nodes(2));
        kmock.patch(
                "/api/v1/nodes/node-2",
                map("spec", map("taints", List.of(map("key", "dedicated", "value", "gpu", "effect", "NoSchedule")))));
        for (String name : List.of("plain", "tolerant")) {
            Map<String, Object> set = map(
                    "apiVersion",
                    "apps/v1",
                    "kind",
                    "DaemonSet",
                    "metadata",
                    map("name", name),
                    "spec",
                    map(
                            "selector",
                            map("matchLabels", Map.of("app", name)),
                            "template",
                            template(name, "agent:1", Map.of(), null)));
            if (name.equals("tolerant")) {
                // An empty effect tolerates the taint whatever its effect, as on a cluster.
                mapAt(set, "spec", "template", "spec")
                        .put(
                                "tolerations",
                                List.of(map("key", "dedicated", "operator", "Equal", "value", "gpu", "effect", "")));
            }
            create(kmock, DAEMON_SETS, set);
        }
        kmock.settle();
        List<Map<String, Object>> pods = items(kmock, PODS);
        assertEquals(
                List.of("node-1"),
                pods.stream()
                        .filter(p -> "plain".equals(at(p, "metadata", "labels", "app")))
                        .map(p -> (String) at(p, "spec", "nodeName"))
                        .toList());
        assertEquals(
                List.of("node-1", "node-2"),
                pods.stream()
                        .filter(p -> "tolerant".equals(at(p, "metadata", "labels", "app")))
                        .map(p -> (String) at(p, "spec", "nodeName"))
                        .sorted()
                        .toList());
    }

    @Test
    void aJobRunsItsCompletionsWithItsParallelismAndCompletes() {
        start(Controllers.all().delay(Controllers.Transition.RUN, Duration.ofSeconds(10)));
        create(kmock, JOBS, job("batch", 3, 2, Map.of()));
        kmock.settle();
        Map<String, Object> running = get(kmock, JOBS + "/batch");
        assertEquals(2, at(running, "status", "active"), "parallelism 2");
        assertEquals(2, at(running, "status", "ready"));
        assertNotNull(at(running, "status", "startTime"));
        kmock.advance(Duration.ofSeconds(10));
        Map<String, Object> halfway = get(kmock, JOBS + "/batch");
        assertEquals(2, at(halfway, "status", "succeeded"));
        assertEquals(1, at(halfway, "status", "active"), "only one completion left");
        kmock.advance(Duration.ofSeconds(10));
        Map<String, Object> done = get(kmock, JOBS + "/batch");
        assertEquals(3, at(done, "status", "succeeded"));
        assertEquals("True", condition(done, "SuccessCriteriaMet").get("status"));
        assertEquals("True", condition(done, "Complete").get("status"));
        assertEquals("CompletionsReached", condition(done, "Complete").get("reason"));
        assertEquals("2030-01-01T00:00:20Z", at(done, "status", "completionTime"));
        assertTrue(
                items(kmock, PODS).stream().allMatch(pod -> at(pod, "metadata", "finalizers") == null),
                "the tracking finalizers are gone once counted");
    }

    @Test
    void aJobFailsPastItsBackoffLimit() {
        start(Controllers.all().backoff(Duration.ofSeconds(1)));
        Map<String, Object> failing = job("failing", 1, 1, Map.of(Controllers.EXIT_CODE, "1"));
        mapAt(failing, "spec").put("backoffLimit", 2);
        create(kmock, JOBS, failing);
        kmock.settle();
        assertEquals(1, at(get(kmock, JOBS + "/failing"), "status", "failed"));
        kmock.advance(Duration.ofSeconds(1));
        assertEquals(2, at(get(kmock, JOBS + "/failing"), "status", "failed"));
        kmock.advance(Duration.ofSeconds(2));
        Map<String, Object> failed = get(kmock, JOBS + "/failing");
        assertEquals(3, at(failed, "status", "failed"));
        assertEquals("True", condition(failed, "FailureTarget").get("status"));
        assertEquals("BackoffLimitExceeded", condition(failed, "Failed").get("reason"));
        assertEquals(
                "Job has reached the specified backoff limit",
                condition(failed, "Failed").get("message"));
        assertEquals(3, items(kmock, PODS).size(), "failed pods stay for their logs");
    }

    @Test
    void anIndexedJobGivesEachPodItsIndex() {
        start(Controllers.all());
        Map<String, Object> indexed = job("shards", 3, 3, Map.of());
        mapAt(indexed, "spec").put("completionMode", "Indexed");
        create(kmock, JOBS, indexed);
        kmock.settle();
        assertEquals(
                List.of("0", "1", "2"),
                items(kmock, PODS).stream()
                        .map(pod ->
                                (String) at(pod, "metadata", "annotations", "batch.kubernetes.io/job-completion-index"))
                        .sorted()
                        .toList());
        Map<String, Object> done = get(kmock, JOBS + "/shards");
        assertEquals("0-2", at(done, "status", "completedIndexes"));
        assertEquals("True", condition(done, "Complete").get("status"));
    }

    @Test
    void aCronJobStartsAJobAtEachScheduledTimeOfTheEmulatorsClock() {
        start(Controllers.all());
        Map<String, Object> cron = map(
                "apiVersion",
                "batch/v1",
                "kind",
                "CronJob",
                "metadata",
                map("name", "nightly"),
                "spec",
                map(
                        "schedule",
                        "*/5 * * * *",
                        "jobTemplate",
                        map("spec", map("template", template("nightly", "busybox", Map.of(), "OnFailure")))));
        create(kmock, "/apis/batch/v1/namespaces/default/cronjobs", cron);
        kmock.settle();
        assertTrue(items(kmock, JOBS).isEmpty());
        kmock.advance(Duration.ofMinutes(5));
        List<Map<String, Object>> jobs = items(kmock, JOBS);
        assertEquals(List.of("nightly-" + Instant.parse("2030-01-01T00:05:00Z").getEpochSecond() / 60), names(jobs));
        assertEquals(
                "2030-01-01T00:05:00Z",
                at(jobs.get(0), "metadata", "annotations", "batch.kubernetes.io/cronjob-scheduled-timestamp"));
        assertEquals("True", condition(jobs.get(0), "Complete").get("status"));
        Map<String, Object> status = get(kmock, "/apis/batch/v1/namespaces/default/cronjobs/nightly");
        assertEquals("2030-01-01T00:05:00Z", at(status, "status", "lastScheduleTime"));
        assertEquals("2030-01-01T00:05:00Z", at(status, "status", "lastSuccessfulTime"));
        assertNull(at(status, "status", "active"));
        kmock.advance(Duration.ofMinutes(20));
        assertEquals(3, items(kmock, JOBS).size(), "successfulJobsHistoryLimit keeps three");
    }
}
