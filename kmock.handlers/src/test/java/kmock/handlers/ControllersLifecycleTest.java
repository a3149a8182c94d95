package kmock.handlers;

import static kmock.handlers.Manifests.at;
import static kmock.handlers.Manifests.condition;
import static kmock.handlers.Manifests.create;
import static kmock.handlers.Manifests.deployment;
import static kmock.handlers.Manifests.get;
import static kmock.handlers.Manifests.items;
import static kmock.handlers.Manifests.map;
import static kmock.handlers.Manifests.mapAt;
import static kmock.handlers.Manifests.names;
import static kmock.handlers.Manifests.pod;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;

import kmock.api.KResponse;

/** Namespaces, owners and what every namespace has: deletion, garbage collection, service accounts, the root CA. */
@BothTransports
class ControllersLifecycleTest {

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
                        .build(),
                transport);
    }

    private void webDeployment() {
        create(kmock, DEPLOYMENTS, deployment("web", 2, "nginx"));
        kmock.settle();
        assertEquals(2, items(kmock, PODS).size());
    }

    @Test
    void theSystemNamespacesExistAndEveryNamespaceGetsADefaultServiceAccountAndTheRootCa() {
        start(Controllers.all());
        assertEquals(
                List.of("default", "kube-node-lease", "kube-public", "kube-system"),
                names(items(kmock, "/api/v1/namespaces")));
        create(kmock, "/api/v1/namespaces", map("metadata", map("name", "team")));
        kmock.settle();
        assertNotNull(get(kmock, "/api/v1/namespaces/team/serviceaccounts/default"));
        Map<String, Object> ca = get(kmock, "/api/v1/namespaces/team/configmaps/kube-root-ca.crt");
        assertTrue(((String) at(ca, "data", "ca.crt")).startsWith("-----BEGIN CERTIFICATE-----"));

        kmock.delete("/api/v1/namespaces/team/serviceaccounts/default");
        kmock.settle();
        assertNotNull(get(kmock, "/api/v1/namespaces/team/serviceaccounts/default"), "made again");
    }

    @Test
    void deletingANamespaceDeletesItsContentThenItself() {
        start(Controllers.all());
        create(
                kmock,
                "/api/v1/namespaces",
                map("metadata", map("name", "doomed"), "spec", map("finalizers", List.of("kubernetes"))));
        create(kmock, "/apis/apps/v1/namespaces/doomed/deployments", deployment("web", 2, "nginx"));
        create(kmock, "/api/v1/namespaces/doomed/configmaps", map("metadata", map("name", "settings")));
        kmock.settle();
        assertEquals(2, items(kmock, "/api/v1/namespaces/doomed/pods").size());

        KResponse deleted = kmock.delete("/api/v1/namespaces/doomed");
        assertEquals("Terminating", at(deleted.json(), "status", "phase"));
        kmock.settle();
        assertNull(get(kmock, "/api/v1/namespaces/doomed"));
        for (String collection : List.of(
                "/apis/apps/v1/namespaces/doomed/deployments",
                "/apis/apps/v1/namespaces/doomed/replicasets",
                "/api/v1/namespaces/doomed/pods",
                "/api/v1/namespaces/doomed/configmaps",
                "/api/v1/namespaces/doomed/serviceaccounts")) {
            assertEquals(List.of(), items(kmock, collection), collection);
        }
    }

    @Test
    void aNamespaceWaitsForContentThatFinalizersHold() {
        start(Controllers.all());
        create(
                kmock,
                "/api/v1/namespaces",
                map("metadata", map("name", "held"), "spec", map("finalizers", List.of("kubernetes"))));
        create(
                kmock,
                "/api/v1/namespaces/held/configmaps",
                map("metadata", map("name", "kept", "finalizers", List.of("example.com/hold"))));
        kmock.delete("/api/v1/namespaces/held");
        kmock.settle();
        Map<String, Object> namespace = get(kmock, "/api/v1/namespaces/held");
        assertEquals("Terminating", at(namespace, "status", "phase"));
        assertEquals(
                "Some resources are remaining: configmaps has 1 resource instances",
                condition(namespace, "NamespaceContentRemaining").get("message"));
        assertEquals(
                "Some content in the namespace has finalizers remaining: example.com/hold in 1 resource instances",
                condition(namespace, "NamespaceFinalizersRemaining").get("message"));

        kmock.patch("/api/v1/namespaces/held/configmaps/kept", map("metadata", map("finalizers", null)));
        kmock.settle();
        assertNull(get(kmock, "/api/v1/namespaces/held"));
    }

    @Test
    void deletingAnOwnerInTheBackgroundDeletesItsDependentsAfterIt() {
        start(Controllers.all());
        webDeployment();
        KResponse deleted = kmock.delete(DEPLOYMENTS + "/web?propagationPolicy=Background");
        assertEquals(200, deleted.status());
        assertNull(get(kmock, DEPLOYMENTS + "/web"), "the owner goes at once");
        assertEquals(1, items(kmock, REPLICA_SETS).size(), "its dependents are still there until the collector runs");
        kmock.settle();
        assertEquals(List.of(), items(kmock, REPLICA_SETS));
        assertEquals(List.of(), items(kmock, PODS));
    }

    @Test
    void deletingAnOwnerInTheForegroundKeepsItUntilItsDependentsAreGone() {
        start(Controllers.all().delay(Controllers.Transition.TERMINATE, Duration.ofSeconds(10)));
        webDeployment();
        KResponse deleted = kmock.delete(DEPLOYMENTS + "/web?propagationPolicy=Foreground");
        assertEquals(List.of("foregroundDeletion"), at(deleted.json(), "metadata", "finalizers"));
        kmock.settle();
        Map<String, Object> owner = get(kmock, DEPLOYMENTS + "/web");
        assertNotNull(owner, "kept while its pods terminate");
        assertNotNull(at(owner, "metadata", "deletionTimestamp"));
        Map<String, Object> rs = items(kmock, REPLICA_SETS).get(0);
        assertEquals(
                List.of("foregroundDeletion"),
                at(rs, "metadata", "finalizers"),
                "the ReplicaSet waits for its pods too");
        assertTrue(items(kmock, PODS).stream().allMatch(pod -> at(pod, "metadata", "deletionTimestamp") != null));
        kmock.advance(Duration.ofSeconds(10));
        assertEquals(List.of(), items(kmock, PODS));
        assertEquals(List.of(), items(kmock, REPLICA_SETS));
        assertNull(get(kmock, DEPLOYMENTS + "/web"));
    }

    @Test
    void deletingAnOwnerWithOrphanLeavesItsDependentsWithoutTheOwnerReference() {
        start(Controllers.all());
        webDeployment();
        kmock.delete(DEPLOYMENTS + "/web?propagationPolicy=Orphan");
        kmock.settle();
        assertNull(get(kmock, DEPLOYMENTS + "/web"));
        List<Map<String, Object>> sets = items(kmock, REPLICA_SETS);
        assertEquals(1, sets.size());
        assertNull(at(sets.get(0), "metadata", "ownerReferences"), "orphaned");
        assertEquals(2, items(kmock, PODS).size(), "the ReplicaSet still runs its pods");
    }

    @Test
    void anObjectWhoseOwnerNeverExistedIsCollected() {
        start(Controllers.all());
        Map<String, Object> orphan = pod("stray", null, Map.of());
        mapAt(orphan, "metadata")
                .put(
                        "ownerReferences",
                        List.of(map(
                                "apiVersion",
                                "apps/v1",
                                "kind",
                                "ReplicaSet",
                                "name",
                                "gone",
                                "uid",
                                "00000000-0000-0000-0000-000000000000")));
        create(kmock, PODS, orphan);
        kmock.settle();
        assertEquals(List.of(), items(kmock, PODS));
    }

    @Test
    void aServiceGetsAnEndpointSliceOfItsReadyPods() {
        start(Controllers.all());
        webDeployment();
        create(
                kmock,
                "/api/v1/namespaces/default/services",
                map(
                        "metadata",
                        map("name", "web"),
                        "spec",
                        map(
                                "selector",
                                Map.of("app", "web"),
                                "ports",
                                List.of(map("name", "http", "port", 80, "targetPort", 8080)))));
        kmock.settle();
        List<Map<String, Object>> slices = items(kmock, "/apis/discovery.k8s.io/v1/namespaces/default/endpointslices");
        assertEquals(1, slices.size());
        Map<String, Object> slice = slices.get(0);
        assertEquals("web", at(slice, "metadata", "labels", "kubernetes.io/service-name"));
        assertEquals(
                "endpointslice-controller.k8s.io",
                at(slice, "metadata", "labels", "endpointslice.kubernetes.io/managed-by"));
        assertEquals("Service", at(slice, "metadata", "ownerReferences", 0, "kind"));
        assertEquals(List.of(map("name", "http", "port", 8080, "protocol", "TCP")), at(slice, "ports"));
        List<?> endpoints = (List<?>) at(slice, "endpoints");
        assertEquals(2, endpoints.size());
        assertEquals(map("ready", true, "serving", true, "terminating", false), at(endpoints.get(0), "conditions"));
        List<String> podIps = items(kmock, PODS).stream()
                .map(pod -> (String) at(pod, "status", "podIP"))
                .sorted()
                .toList();
        assertEquals(
                podIps,
                endpoints.stream()
                        .map(e -> (String) at(e, "addresses", 0))
                        .sorted()
                        .toList());
        assertEquals(
                2,
                ((List<?>) at(get(kmock, "/api/v1/namespaces/default/endpoints/web"), "subsets", 0, "addresses"))
                        .size());

        kmock.delete("/api/v1/namespaces/default/services/web");
        kmock.settle();
        assertEquals(List.of(), items(kmock, "/apis/discovery.k8s.io/v1/namespaces/default/endpointslices"));
        assertNull(get(kmock, "/api/v1/namespaces/default/endpoints/web"));
    }

    @Test
    void aControllerSwitchedOffLeavesItsPartUndone() {
        start(Controllers.all().without("replicaset"));
        create(kmock, DEPLOYMENTS, deployment("web", 2, "nginx"));
        kmock.settle();
        assertEquals(1, items(kmock, REPLICA_SETS).size(), "the deployment controller runs");
        assertEquals(List.of(), items(kmock, PODS), "but no ReplicaSet controller makes pods");
        assertFalse(kmock.errors().stream().findAny().isPresent(), String.valueOf(kmock.errors()));
    }
}
