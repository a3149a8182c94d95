package kmock.internal.k8s.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import kmock.api.Resource;

class HintsTest {

    @Test
    void unknownCoreResourceHintShowsTheDeclarationInSlashNotation() {
        assertEquals(
                "resource v1/foos is not known: declare it with kmock.resources().put(\"v1/foos\", "
                        + "Map.of(\"kind\", \"Foo\", \"namespaced\", true)) or kmock.resources().loadBundled()",
                Hints.unknownResource(new Resource("", "v1", "foos")));
    }

    @Test
    void unknownGroupResourceHintNamesItsGroup() {
        assertEquals(
                "resource kopf.dev/v1/kopfexamples is not known: declare it with kmock.resources().put("
                        + "\"kopf.dev/v1/kopfexamples\", Map.of(\"kind\", \"Kopfexample\", \"namespaced\", true)) or "
                        + "kmock.resources().loadBundled()",
                Hints.unknownResource(new Resource("kopf.dev", "v1", "kopfexamples")));
    }

    @Test
    void aBundledResourceHintLoadsTheCatalogFirstAndNamesItsRealKind() {
        assertEquals(
                "resource v1/configmaps is not known: load the bundled catalog with kmock.resources().loadBundled(), "
                        + "or declare it with kmock.resources().put(\"v1/configmaps\", Map.of(\"kind\", \"ConfigMap\", "
                        + "\"namespaced\", true))",
                Hints.unknownResource(new Resource("", "v1", "configmaps")));
    }

    @Test
    void aBundledClusterWideResourceIsDeclaredClusterWide() {
        assertEquals(
                "resource rbac.authorization.k8s.io/v1/clusterroles is not known: load the bundled catalog with "
                        + "kmock.resources().loadBundled(), or declare it with kmock.resources().put("
                        + "\"rbac.authorization.k8s.io/v1/clusterroles\", Map.of(\"kind\", \"ClusterRole\", \"namespaced\", false))",
                Hints.unknownResource(new Resource("rbac.authorization.k8s.io", "v1", "clusterroles")));
    }

    @Test
    void unknownGroupHintShowsAResourceInThatGroup() {
        assertEquals(
                "API group example.com is not served: declare a resource in it with kmock.resources().put("
                        + "\"example.com/v1/widgets\", Map.of(\"kind\", \"Widget\", \"namespaced\", true)) or "
                        + "kmock.resources().loadBundled()",
                Hints.unknownGroup("example.com"));
    }

    @Test
    void unknownGroupVersionHintShowsAResourceInThatVersion() {
        assertEquals(
                "API version apps/v2 is not served: declare a resource in it with kmock.resources().put("
                        + "\"apps/v2/widgets\", Map.of(\"kind\", \"Widget\", \"namespaced\", true)) or "
                        + "kmock.resources().loadBundled()",
                Hints.unknownGroupVersion("apps", "v2"));
        assertEquals(
                "API version v2 is not served: declare a resource in it with kmock.resources().put("
                        + "\"v2/widgets\", Map.of(\"kind\", \"Widget\", \"namespaced\", true)) or "
                        + "kmock.resources().loadBundled()",
                Hints.unknownGroupVersion("", "v2"));
    }

    @Test
    void unmatchedRequestHintShowsTheRuleThatWouldServeIt() {
        assertEquals(
                "nothing serves GET /healthz: declare it with kmock.on(\"get /healthz\").reply(…)",
                Hints.unmatched("GET", "/healthz"));
    }

    @Test
    void exampleKindsAreSingularAndCapitalised() {
        assertEquals("Pod", Hints.exampleKind("pods"));
        assertEquals("Policy", Hints.exampleKind("policies"));
        assertEquals("Ingress", Hints.exampleKind("ingresses"));
        assertEquals("Box", Hints.exampleKind("boxes"));
        assertEquals("Class", Hints.exampleKind("classes"));
        assertEquals("Sheep", Hints.exampleKind("sheep"));
        assertEquals("Status", Hints.exampleKind("status"));
    }
}
