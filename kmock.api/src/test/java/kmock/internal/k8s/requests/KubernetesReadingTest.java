package kmock.internal.k8s.requests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import kmock.api.Action;
import kmock.api.Method;
import kmock.api.Resource;

/** How kmock-api reads Kubernetes requests: URL paths, resource notations and actions, for every handler. */
class KubernetesReadingTest {

    @Test
    void corePathsReadGroupVersionNamespacePluralNameAndSubresource() {
        KubernetesPath path = KubernetesPath.parse("/api/v1/namespaces/ns1/pods/web/status");
        assertEquals(new Resource("", "v1", "pods"), path.resource());
        assertEquals("ns1", path.namespace());
        assertEquals("web", path.name());
        assertEquals("status", path.subresource());
        assertFalse(path.watchPrefix());
    }

    @Test
    void groupPathsAndTheLegacyWatchPrefixAreRead() {
        KubernetesPath path = KubernetesPath.parse("/apis/apps/v1/watch/namespaces/ns1/deployments");
        assertEquals(new Resource("apps", "v1", "deployments"), path.resource());
        assertEquals("ns1", path.namespace());
        assertNull(path.name());
        assertTrue(path.watchPrefix());
    }

    @Test
    void aNamespaceItselfAndItsStatusAreNotANamespacedCollection() {
        KubernetesPath status = KubernetesPath.parse("/api/v1/namespaces/ns1/status");
        assertEquals(new Resource("", "v1", "namespaces"), status.resource());
        assertEquals("ns1", status.name());
        assertEquals("status", status.subresource());
        assertNull(status.namespace());
    }

    @Test
    void pathsOfOtherShapesHaveNoKubernetesReading() {
        assertSame(KubernetesPath.NONE, KubernetesPath.parse("/users/1"));
        assertSame(KubernetesPath.NONE, KubernetesPath.parse("/api/v1"));
        assertSame(KubernetesPath.NONE, KubernetesPath.parse("/apis/apps/latest/deployments"));
        assertSame(KubernetesPath.NONE, KubernetesPath.parse(null));
    }

    @Test
    void everyResourceNotationParsesAndPartialOnesOnlyWhenAllowed() {
        assertEquals(new Resource("", "v1", "pods"), ResourceNotation.tryParse("v1/pods", false));
        assertEquals(new Resource("", "v1", "pods"), ResourceNotation.tryParse("pods.v1", false));
        assertEquals(
                new Resource("kopf.dev", "v1", "kopfexamples"),
                ResourceNotation.tryParse("kopf.dev/v1/kopfexamples", false));
        assertEquals(
                new Resource("kopf.dev", "v1", "kopfexamples"),
                ResourceNotation.tryParse("kopfexamples.v1.kopf.dev", false));
        assertNull(ResourceNotation.tryParse("deployments.apps", false));
        assertEquals(new Resource("apps", null, "deployments"), ResourceNotation.tryParse("deployments.apps", true));
        assertNull(ResourceNotation.tryParse("pods", false));
        assertEquals(new Resource(null, null, "pods"), ResourceNotation.tryParse("pods", true));
        assertNull(ResourceNotation.tryParse("/api/v1/pods", true));
        assertNull(ResourceNotation.tryParse(" pods", true));
    }

    @Test
    void versionsLookLikeKubernetesVersions() {
        assertTrue(ResourceNotation.isVersion("v1"));
        assertTrue(ResourceNotation.isVersion("v1beta2"));
        assertTrue(ResourceNotation.isVersion("v2alpha1"));
        assertFalse(ResourceNotation.isVersion("1"));
        assertFalse(ResourceNotation.isVersion("v1gamma"));
        assertFalse(ResourceNotation.isVersion(null));
    }

    @Test
    void actionsFollowTheMethodWhetherAnObjectIsNamedAndWatching() {
        assertEquals(Action.LIST, Actions.of(Method.GET, false, false));
        assertEquals(Action.FETCH, Actions.of(Method.GET, true, false));
        assertEquals(Action.WATCH, Actions.of(Method.GET, false, true));
        assertEquals(Action.CREATE, Actions.of(Method.POST, false, false));
        assertNull(Actions.of(Method.POST, true, false));
        assertEquals(Action.UPDATE, Actions.of(Method.PUT, true, false));
        assertEquals(Action.UPDATE, Actions.of(Method.PATCH, true, false));
        assertNull(Actions.of(Method.PATCH, false, false));
        assertEquals(Action.DELETE, Actions.of(Method.DELETE, false, false));
        assertNull(Actions.of(Method.HEAD, false, false));
        assertNull(Actions.of(null, false, false));
    }
}
