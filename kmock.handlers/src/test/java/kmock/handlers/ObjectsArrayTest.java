package kmock.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import kmock.api.Resource;
import kmock.internal.criteria.AnyValue;
import kmock.internal.k8s.store.ObjectStore;
import kmock.internal.k8s.store.StoreSettings;

class ObjectsArrayTest {

    private static final Resource PODS = new Resource("", "v1", "pods");
    private static final Resource EXAMPLES = new Resource("kopf.dev", "v1", "kopfexamples");

    private final ObjectsArray managed = new ObjectsArray(new ObjectStore(), new ResourcesArray(), crd -> {});
    private final ObjectsArray plain = new ObjectsArray(
            new ObjectStore(StoreSettings.defaults().withManagedMetadata(false)), new ResourcesArray(), crd -> {});

    @Test
    void putWithManagedMetadataFillsTheManagedFields() {
        KObject pod = managed.put("v1/pods", "ns1", "web", Map.of("spec", Map.of("x", 1)));
        KObject.assertMatches(
                Map.of(
                        "apiVersion", "v1",
                        "metadata",
                                Map.of(
                                        "name",
                                        "web",
                                        "namespace",
                                        "ns1",
                                        "uid",
                                        AnyValue.INSTANCE,
                                        "resourceVersion",
                                        "1",
                                        "creationTimestamp",
                                        AnyValue.INSTANCE,
                                        "generation",
                                        1),
                        "spec", Map.of("x", 1)),
                pod);
        assertEquals(pod, managed.get("pods.v1", "ns1", "web"));
    }

    @Test
    void putWithoutManagedMetadataStoresTheMapExactly() {
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("spec", Map.of("x", 1));
        given.put("n", null);
        KObject stored = plain.put("kopf.dev/v1/kopfexamples", "ns", "a", given);
        assertEquals(given, stored);
        assertEquals(given, plain.get(EXAMPLES, "ns", "a"));
        assertEquals(List.of(given), stored.history());
    }

    @Test
    void laterChangesToTheGivenMapDoNotReachTheStore() {
        Map<String, Object> spec = new LinkedHashMap<>(Map.of("x", 1));
        Map<String, Object> given = new LinkedHashMap<>(Map.of("spec", spec));
        plain.put(PODS, null, "node-ish", given);
        spec.put("x", 2);
        given.put("extra", true);
        assertEquals(Map.of("spec", Map.of("x", 1)), plain.get(PODS, null, "node-ish"));
    }

    @Test
    void aSecondPutIsANewVersionOfTheSameObject() {
        KObject first = managed.put(PODS, "ns", "web", Map.of("spec", Map.of("x", 1)));
        KObject second = managed.put(PODS, "ns", "web", Map.of("spec", Map.of("x", 2)));
        assertEquals(2, second.history().size());
        assertEquals(first, second.version(0));
        assertEquals(((Map<?, ?>) first.get("metadata")).get("uid"), ((Map<?, ?>) second.get("metadata")).get("uid"));
        KObject.assertMatches(Map.of("metadata", Map.of("resourceVersion", "2", "generation", 2)), second);
    }

    @Test
    void keysListEveryObjectInKeyOrderIncludingClusterWideOnes() {
        managed.put(PODS, "b", "x", Map.of());
        managed.put(PODS, "a", "y", Map.of());
        managed.put(new Resource("", "v1", "namespaces"), null, "a", Map.of());
        Set<ObjectsArray.Key> keys = managed.keys();
        assertEquals(
                List.of(
                        new ObjectsArray.Key(new Resource("", "v1", "namespaces"), null, "a"),
                        new ObjectsArray.Key(PODS, "a", "y"),
                        new ObjectsArray.Key(PODS, "b", "x")),
                new ArrayList<>(keys));
        assertEquals(3, managed.size());
        assertTrue(managed.contains(new ObjectsArray.Key(PODS, "a", "y")));
        assertNotNull(managed.get(new ObjectsArray.Key(PODS, "a", "y")));
    }

    @Test
    void removeDropsTheObjectAndItsHistory() {
        managed.put(PODS, "ns", "web", Map.of("spec", 1));
        managed.put(PODS, "ns", "web", Map.of("spec", 2));
        KObject removed = managed.remove("v1/pods", "ns", "web");
        assertEquals(2, removed.history().size());
        assertFalse(managed.contains(PODS, "ns", "web"));
        assertNull(managed.get(PODS, "ns", "web"));
        assertEquals(0, managed.size());
        assertNull(managed.remove(PODS, "ns", "web"));
        KObject reborn = managed.put(PODS, "ns", "web", Map.of("spec", 3));
        assertEquals(1, reborn.history().size());
    }

    @Test
    void putHistoryKeepsDeletionMarkersAndTheLatestStateReadsDeleted() {
        List<Map<String, ?>> versions = Arrays.asList(Map.of("spec", 1), null, Map.of("spec", 2), null);
        KObject object = plain.putHistory("v1/pods", "ns", "web", versions);
        assertEquals(versions, object.history());
        assertTrue(object.deleted());
        assertEquals(Map.of("spec", 2), object);
        assertNull(object.version(-1));
        assertTrue(plain.contains(PODS, "ns", "web"));
    }

    @Test
    void putHistoryWithManagedMetadataGivesEachLifeItsOwnUid() {
        KObject object = managed.putHistory(
                PODS, "ns", "web", Arrays.asList(Map.of("spec", 1), Map.of("spec", 2), null, Map.of("spec", 3)));
        assertFalse(object.deleted());
        assertEquals(uid(object.version(0)), uid(object.version(1)));
        assertFalse(uid(object.version(1)).equals(uid(object.version(3))));
        assertTrue(object.historyContains(Arrays.asList(null, Map.of("spec", 3), Map.of("spec", 1))));
    }

    @Test
    void putHistoryReplacesAnEarlierHistory() {
        plain.put(PODS, "ns", "web", Map.of("spec", 0));
        KObject object = plain.putHistory(PODS, "ns", "web", List.of(Map.of("spec", 1)));
        assertEquals(List.of(Map.of("spec", 1)), object.history());
    }

    @Test
    void aPutOnASoftDeletedObjectStartsANewLifeInTheSameHistory() {
        managed.putHistory(PODS, "ns", "web", Arrays.asList(Map.of("spec", 1), null));
        KObject object = managed.put(PODS, "ns", "web", Map.of("spec", 2));
        assertEquals(3, object.history().size());
        assertFalse(object.deleted());
        KObject.assertMatches(Map.of("metadata", Map.of("generation", 1)), object);
    }

    @Test
    void managedPutRejectsAMapNamingAnotherObject() {
        IllegalArgumentException error = assertThrows(
                IllegalArgumentException.class,
                () -> managed.put(PODS, "ns", "web", Map.of("metadata", Map.of("name", "other"))));
        assertTrue(error.getMessage().contains("does not match the name on the URL (web)"), error.getMessage());
        assertEquals(0, managed.size());
    }

    @Test
    void resourcesMustBeNamedCompletely() {
        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> managed.put("pods", "ns", "web", Map.of()));
        assertTrue(error.getMessage().contains("'v1/pods'"), error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> managed.get("deployments.apps", "ns", "web"));
        assertThrows(IllegalArgumentException.class, () -> new ObjectsArray.Key(PODS, "ns", ""));
    }

    @Test
    void anEmptyNamespaceMeansClusterWide() {
        managed.put(PODS, "", "web", Map.of());
        assertTrue(managed.contains(PODS, null, "web"));
        assertEquals(
                new ObjectsArray.Key(PODS, null, "web"),
                managed.keys().iterator().next());
    }

    private static Object uid(Map<String, Object> version) {
        return ((Map<?, ?>) version.get("metadata")).get("uid");
    }
}
