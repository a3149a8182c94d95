package kmock.internal.k8s.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import kmock.api.Resource;
import kmock.internal.k8s.status.KubernetesException;

class ObjectStoreListTest {

    private static final Resource PODS = new Resource("", "v1", "pods");
    private static final Resource CONFIGMAPS = new Resource("", "v1", "configmaps");

    private final ObjectStore store = new ObjectStore(StoreSettings.defaults().withWindowSize(5));

    private void put(Resource resource, String namespace, String name) {
        store.put(new ObjectKey(resource, namespace, name), Map.of("data", name));
    }

    private static List<String> names(ListPage page) {
        List<String> names = new ArrayList<>();
        for (Map<String, Object> item : page.items()) {
            Map<?, ?> meta = (Map<?, ?>) item.get("metadata");
            names.add(meta.get("namespace") + "/" + meta.get("name"));
        }
        return names;
    }

    @Test
    void aClusterWideListHoldsTheObjectsOfAllNamespacesInKeyOrder() {
        put(PODS, "b", "x");
        put(PODS, "a", "z");
        put(PODS, "a", "y");
        put(CONFIGMAPS, "a", "other");
        ListPage all = store.list(PODS, null, object -> true, 0, null);
        assertEquals(List.of("a/y", "a/z", "b/x"), names(all));
        assertEquals("4", all.resourceVersion());
        assertNull(all.continueToken());
        assertEquals(List.of("b/x"), names(store.list(PODS, "b", object -> true, 0, null)));
    }

    @Test
    void deletedObjectsAndFilteredOnesAreLeftOut() {
        put(PODS, "a", "x");
        put(PODS, "a", "y");
        put(PODS, "a", "z");
        store.delete(new ObjectKey(PODS, "a", "x"), WriteOptions.NONE);
        ListPage page = store.list(PODS, "a", object -> !"z".equals(object.get("data")), 0, null);
        assertEquals(List.of("a/y"), names(page));
    }

    @Test
    void pagesWithLimitAndContinueReadOneConsistentSnapshot() {
        for (String name : List.of("a", "b", "c", "d", "e")) {
            put(PODS, "ns", name);
        }
        ListPage first = store.list(PODS, null, object -> true, 2, null);
        assertEquals(List.of("ns/a", "ns/b"), names(first));
        assertEquals(3L, first.remainingItemCount());
        assertEquals("5", first.resourceVersion());

        // Changes after the first page do not show in the later pages of the same list.
        store.delete(new ObjectKey(PODS, "ns", "c"), WriteOptions.NONE);
        put(PODS, "ns", "bb");

        ListPage second = store.list(PODS, null, object -> true, 2, first.continueToken());
        assertEquals(List.of("ns/c", "ns/d"), names(second));
        assertEquals("5", second.resourceVersion());
        ListPage third = store.list(PODS, null, object -> true, 2, second.continueToken());
        assertEquals(List.of("ns/e"), names(third));
        assertNull(third.continueToken());
        assertNull(third.remainingItemCount());

        assertEquals(
                List.of("ns/a", "ns/b", "ns/bb", "ns/d", "ns/e"),
                names(store.list(PODS, null, object -> true, 0, null)));
    }

    @Test
    void aContinueTokenOlderThanTheEventWindowIsGone() {
        put(PODS, "ns", "a");
        put(PODS, "ns", "b");
        ListPage first = store.list(PODS, null, object -> true, 1, null);
        for (int i = 0; i < 6; i++) {
            put(PODS, "ns", "later" + i);
        }
        KubernetesException error = assertThrows(
                KubernetesException.class, () -> store.list(PODS, null, object -> true, 1, first.continueToken()));
        assertEquals(410, error.code());
        assertEquals("Expired", error.toStatus().get("reason"));
        assertTrue(error.getMessage().startsWith("continue token expired"), error.getMessage());
    }

    @Test
    void aForgedContinueTokenIsABadRequest() {
        put(PODS, "ns", "a");
        for (String token : List.of("garbage!", "eyJydiI6OTk5LCJucyI6bnVsbCwibmFtZSI6ImEifQ", "e30")) {
            KubernetesException error =
                    assertThrows(KubernetesException.class, () -> store.list(PODS, null, object -> true, 1, token));
            assertEquals(400, error.code(), token);
        }
    }

    @Test
    void clusterScopedObjectsListWithoutNamespace() {
        Resource namespaces = new Resource("", "v1", "namespaces");
        put(namespaces, null, "default");
        put(namespaces, null, "kube-system");
        assertEquals(
                List.of("null/default", "null/kube-system"), names(store.list(namespaces, null, o -> true, 0, "")));
    }
}
