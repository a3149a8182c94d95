package kmock.handlers;

import static kmock.handlers.ExpectedJson.at;
import static kmock.handlers.ExpectedJson.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;

import kmock.api.KResponse;

/**
 * Each built-in kind's strategy (pkg/registry/&lt;group&gt;/&lt;resource&gt;/strategy.go, Kubernetes 1.32) decides what a
 * write does to {@code status} and {@code metadata.generation}: kinds with a status subresource reset it on create
 * and keep it on update, {@code /status} writes keep the spec, and only some kinds count generations.
 */
@BothTransports
class EmulatorStrategiesTest {

    private static final String DEPLOYMENTS = "/apis/apps/v1/namespaces/ns/deployments";
    private static final Map<String, String> MERGE = Map.of("Content-Type", "application/merge-patch+json");

    @Parameter
    String transport;

    @RegisterExtension
    final Served served = new Served();

    private KubernetesEmulator kmock;

    @BeforeEach
    void start() {
        kmock = served.emulator(transport);
    }

    private Map<?, ?> ok(KResponse response) {
        assertEquals(response.status() == 201 ? 201 : 200, response.status(), response.text());
        return (Map<?, ?>) response.json();
    }

    private Map<?, ?> merge(String url, String patch) {
        return ok(kmock.patch(url, parse(patch), MERGE));
    }

    private static String deployment(String status) {
        return """
                {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "web"},
                 "spec": {"selector": {"matchLabels": {"app": "web"}},
                          "template": {"metadata": {"labels": {"app": "web"}},
                                       "spec": {"containers": [{"name": "c", "image": "nginx"}]}}}%s}""".formatted(status);
    }

    @Test
    void aConfigMapCarriesNoGeneration() {
        ok(kmock.post("/api/v1/namespaces/ns/configmaps", parse("""
                {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "cfg"}, "data": {"a": "1"}}""")));
        Map<?, ?> changed = merge("/api/v1/namespaces/ns/configmaps/cfg", "{\"data\": {\"a\": \"2\"}}");
        assertEquals("2", at(changed, "data", "a"));
        assertFalse(((Map<?, ?>) changed.get("metadata")).containsKey("generation"));
    }

    @Test
    void aDeploymentGenerationCountsSpecChangesOnly() {
        ok(kmock.post(DEPLOYMENTS, parse(deployment(""))));
        assertEquals(
                1,
                (int) at(
                        merge(DEPLOYMENTS + "/web", "{\"metadata\": {\"labels\": {\"tier\": \"front\"}}}"),
                        "metadata",
                        "generation"),
                "a label change");
        assertEquals(
                1,
                (int) at(
                        merge(DEPLOYMENTS + "/web/status", "{\"status\": {\"replicas\": 1}}"),
                        "metadata",
                        "generation"),
                "a status change");
        assertEquals(
                2,
                (int) at(merge(DEPLOYMENTS + "/web", "{\"spec\": {\"replicas\": 3}}"), "metadata", "generation"),
                "a spec change");
    }

    @Test
    void aDeploymentAnnotationChangeBumpsItsGeneration() {
        ok(kmock.post(DEPLOYMENTS, parse(deployment(""))));
        Map<?, ?> annotated = merge(DEPLOYMENTS + "/web", "{\"metadata\": {\"annotations\": {\"note\": \"x\"}}}");
        assertEquals(2, (int) at(annotated, "metadata", "generation"), "annotations are copied to ReplicaSets");
    }

    @Test
    void aStatefulSetAnnotationChangeKeepsItsGeneration() {
        ok(kmock.post("/apis/apps/v1/namespaces/ns/statefulsets", parse("""
                {"apiVersion": "apps/v1", "kind": "StatefulSet", "metadata": {"name": "db"},
                 "spec": {"serviceName": "db", "selector": {"matchLabels": {"app": "db"}},
                          "template": {"metadata": {"labels": {"app": "db"}},
                                       "spec": {"containers": [{"name": "c", "image": "postgres"}]}}}}""")));
        Map<?, ?> annotated = merge(
                "/apis/apps/v1/namespaces/ns/statefulsets/db", "{\"metadata\": {\"annotations\": {\"n\": \"x\"}}}");
        assertEquals(1, (int) at(annotated, "metadata", "generation"));
    }

    @Test
    void aCreatedDeploymentStartsWithTheZeroStatus() {
        Map<?, ?> created =
                ok(kmock.post(DEPLOYMENTS, parse(deployment(", \"status\": {\"replicas\": 5, \"readyReplicas\": 5}"))));
        assertEquals(Map.of(), created.get("status"));
    }

    @Test
    void anUpdateOfTheMainResourceKeepsTheStoredStatus() {
        ok(kmock.post(DEPLOYMENTS, parse(deployment(""))));
        merge(DEPLOYMENTS + "/web/status", "{\"status\": {\"replicas\": 2}}");
        Map<?, ?> replaced = ok(kmock.put(DEPLOYMENTS + "/web", parse(deployment(", \"status\": {\"replicas\": 9}"))));
        assertEquals(Map.of("replicas", 2), replaced.get("status"));
    }

    @Test
    void aStatusWriteKeepsTheSpecButTakesMetadataChanges() {
        ok(kmock.post("/apis/apps/v1/namespaces/ns/statefulsets", parse("""
                {"apiVersion": "apps/v1", "kind": "StatefulSet", "metadata": {"name": "db"},
                 "spec": {"serviceName": "db", "selector": {"matchLabels": {"app": "db"}},
                          "template": {"metadata": {"labels": {"app": "db"}},
                                       "spec": {"containers": [{"name": "c", "image": "postgres"}]}}}}""")));
        Map<?, ?> written = merge(
                "/apis/apps/v1/namespaces/ns/statefulsets/db/status",
                "{\"metadata\": {\"labels\": {\"seen\": \"yes\"}}, \"spec\": {\"replicas\": 7}, \"status\": {\"replicas\": 1}}");
        assertEquals(1, (int) at(written, "spec", "replicas"));
        assertEquals(1, (int) at(written, "status", "replicas"));
        assertEquals(Map.of("seen", "yes"), at(written, "metadata", "labels"));
    }

    @Test
    void aDeploymentStatusWriteKeepsItsLabels() {
        ok(kmock.post(DEPLOYMENTS, parse(deployment(""))));
        Map<?, ?> written = merge(
                DEPLOYMENTS + "/web/status",
                "{\"metadata\": {\"labels\": {\"seen\": \"yes\"}}, \"status\": {\"replicas\": 1}}");
        assertNull(at(written, "metadata", "labels"));
        assertEquals(1, (int) at(written, "status", "replicas"));
    }

    @Test
    void aPodHasNoGenerationAndItsQosClassFollowsItsResources() {
        Map<?, ?> pod = ok(kmock.post("/api/v1/namespaces/ns/pods", parse("""
                {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"},
                 "spec": {"containers": [{"name": "a", "image": "nginx", "resources": {"limits": {"cpu": "500m", "memory": "128Mi"}}},
                                         {"name": "b", "image": "nginx", "resources": {"requests": {"cpu": "0.1"}}}]}}""")));
        assertFalse(((Map<?, ?>) pod.get("metadata")).containsKey("generation"));
        assertEquals(
                Map.of("cpu", "500m", "memory", "128Mi"),
                at(pod, "spec", "containers", "0", "resources", "requests"),
                "requests default to limits");
        assertEquals(Map.of("phase", "Pending", "qosClass", "Burstable"), pod.get("status"));
    }

    @Test
    void aPodWithLimitsEqualToRequestsIsGuaranteed() {
        Map<?, ?> pod = ok(kmock.post("/api/v1/namespaces/ns/pods", parse("""
                {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"},
                 "spec": {"containers": [{"name": "a", "image": "nginx",
                                          "resources": {"limits": {"cpu": "1", "memory": "1Gi"},
                                                        "requests": {"cpu": "1000m", "memory": "1024Mi"}}}]}}""")));
        assertEquals("Guaranteed", at(pod, "status", "qosClass"));
    }

    @Test
    void aGatedPodStartsUnscheduledWithTheGatesReason() {
        Map<?, ?> pod = ok(kmock.post("/api/v1/namespaces/ns/pods", parse("""
                {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"},
                 "spec": {"schedulingGates": [{"name": "example.com/quota"}],
                          "containers": [{"name": "a", "image": "nginx"}]}}""")));
        Map<String, Object> condition = new java.util.LinkedHashMap<>();
        condition.put("type", "PodScheduled");
        condition.put("status", "False");
        condition.put("lastProbeTime", null);
        condition.put("lastTransitionTime", null);
        condition.put("reason", "SchedulingGated");
        condition.put("message", "Scheduling is blocked due to non-empty scheduling gates");
        assertEquals(List.of(condition), at(pod, "status", "conditions"));
    }

    @Test
    void aNamespaceUpdateCannotDropItsSpecFinalizer() {
        ok(kmock.post(
                "/api/v1/namespaces",
                parse("{\"apiVersion\": \"v1\", \"kind\": \"Namespace\", \"metadata\": {\"name\": \"n\"}}")));
        Map<?, ?> replaced = ok(kmock.put("/api/v1/namespaces/n", parse("""
                {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "n"}, "spec": {"finalizers": []}}""")));
        assertEquals(List.of("kubernetes"), at(replaced, "spec", "finalizers"));
        assertEquals("Active", at(replaced, "status", "phase"));
    }

    @Test
    void aDaemonSetTemplateChangeBumpsItsTemplateGeneration() {
        String daemonSet = """
                {"apiVersion": "apps/v1", "kind": "DaemonSet", "metadata": {"name": "agent"},
                 "spec": {"selector": {"matchLabels": {"app": "agent"}},
                          "template": {"metadata": {"labels": {"app": "agent"}},
                                       "spec": {"containers": [{"name": "c", "image": "%s"}]}}}}""";
        String url = "/apis/apps/v1/namespaces/ns/daemonsets";
        ok(kmock.post(url, parse(daemonSet.formatted("fluentd:1"))));
        Map<?, ?> same = ok(kmock.put(url + "/agent", parse(daemonSet.formatted("fluentd:1"))));
        assertEquals("1", at(same, "metadata", "annotations", "deprecated.daemonset.template.generation"));
        Map<?, ?> changed = ok(kmock.put(url + "/agent", parse(daemonSet.formatted("fluentd:2"))));
        assertEquals("2", at(changed, "metadata", "annotations", "deprecated.daemonset.template.generation"));
        assertEquals(2, (int) at(changed, "metadata", "generation"));
    }

    @Test
    void aJobWithAManualSelectorGetsNoGeneratedLabels() {
        Map<?, ?> job = ok(kmock.post("/apis/batch/v1/namespaces/ns/jobs", parse("""
                {"apiVersion": "batch/v1", "kind": "Job", "metadata": {"name": "j"},
                 "spec": {"manualSelector": true, "selector": {"matchLabels": {"run": "j"}},
                          "template": {"metadata": {"labels": {"run": "j"}},
                                       "spec": {"restartPolicy": "Never", "containers": [{"name": "c", "image": "busybox"}]}}}}""")));
        assertEquals(Map.of("run", "j"), at(job, "spec", "template", "metadata", "labels"));
        assertEquals(Map.of("matchLabels", Map.of("run", "j")), at(job, "spec", "selector"));
        assertEquals(Map.of("run", "j"), at(job, "metadata", "labels"), "a Job's labels default to its template's");
    }

    @Test
    void objectsOfAResourceWithoutSchemaKeepTheGenericGenerationRule() {
        kmock.resources().put("example.com/v1/widgets", Map.of("kind", "Widget", "namespaced", true));
        String url = "/apis/example.com/v1/namespaces/ns/widgets";
        Map<?, ?> created = ok(
                kmock.post(
                        url,
                        parse(
                                "{\"apiVersion\": \"example.com/v1\", \"kind\": \"Widget\", \"metadata\": {\"name\": \"w\"}, \"size\": 1}")));
        assertEquals(1, (int) at(created, "metadata", "generation"));
        assertEquals(2, (int) at(merge(url + "/w", "{\"size\": 2}"), "metadata", "generation"));
    }
}
