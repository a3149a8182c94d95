package kmock.internal.k8s.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import kmock.api.Resource;
import kmock.internal.json.Json;
import kmock.internal.k8s.status.KubernetesException;

@SuppressWarnings("unchecked")
class ObjectStoreWriteTest {

    private static final Resource PODS = new Resource("", "v1", "pods");
    private static final ObjectKey WEB = new ObjectKey(PODS, "ns", "web");

    private final MutableClock clock = new MutableClock("2030-01-02T03:04:05.678Z");
    private final ObjectStore store = new ObjectStore(StoreSettings.defaults()
            .withClock(clock)
            .withKinds(resource -> resource.plural().equals("pods") ? "Pod" : null));
    private final List<StoreEvent> events = new ArrayList<>();

    {
        store.subscribeFromNow(events::add);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(String json) {
        return (Map<String, Object>) Json.parse(json);
    }

    private static Map<?, ?> meta(Map<String, Object> object) {
        return (Map<?, ?>) object.get("metadata");
    }

    @Test
    void createFillsTheManagedFieldsLikeTheApiServer() {
        Map<String, Object> pod =
                store.create(PODS, "ns", body("{\"metadata\":{\"name\":\"web\"},\"spec\":{}}"), WriteOptions.NONE);
        assertEquals(List.of("apiVersion", "kind", "metadata", "spec"), new ArrayList<>(pod.keySet()));
        assertEquals("v1", pod.get("apiVersion"));
        assertEquals("Pod", pod.get("kind"));
        assertEquals("web", meta(pod).get("name"));
        assertEquals("ns", meta(pod).get("namespace"));
        assertTrue(meta(pod).get("uid").toString().matches("[0-9a-f-]{36}"));
        assertEquals("1", meta(pod).get("resourceVersion"));
        assertEquals("2030-01-02T03:04:05Z", meta(pod).get("creationTimestamp"));
        assertEquals(1, meta(pod).get("generation"));
        assertEquals(StoreEvent.Type.ADDED, events.get(0).type());
        assertEquals(pod, events.get(0).object());
    }

    @Test
    void updatesKeepUidAndCreationTimestampAndTakeANewResourceVersion() {
        Map<String, Object> created =
                store.create(PODS, "ns", body("{\"metadata\":{\"name\":\"web\"}}"), WriteOptions.NONE);
        clock.advance(Duration.ofHours(1));
        Map<String, Object> updated = store.replace(
                WEB,
                body("{\"metadata\":{\"uid\":\"forged\",\"creationTimestamp\":\"1999-01-01T00:00:00Z\"},\"spec\":{}}"),
                WriteOptions.NONE);
        assertEquals(meta(created).get("uid"), meta(updated).get("uid"));
        assertEquals("2030-01-02T03:04:05Z", meta(updated).get("creationTimestamp"));
        assertEquals("2", meta(updated).get("resourceVersion"));
        assertEquals(2, store.revision());
    }

    @Test
    void generationGrowsOnlyWhenSomethingOutsideMetadataAndStatusChanges() {
        store.create(PODS, "ns", body("{\"metadata\":{\"name\":\"web\"},\"spec\":{\"a\":1}}"), WriteOptions.NONE);
        Map<String, Object> labelled = store.update(
                WEB,
                current -> {
                    ((Map<String, Object>) current.get("metadata")).put("labels", Map.of("x", "y"));
                    current.put("status", Map.of("phase", "Running"));
                    return current;
                },
                WriteOptions.NONE);
        assertEquals(1, meta(labelled).get("generation"));
        Map<String, Object> respecced = store.update(
                WEB,
                current -> {
                    current.put("spec", Map.of("a", 2));
                    return current;
                },
                WriteOptions.NONE);
        assertEquals(2, meta(respecced).get("generation"));
        Map<String, Object> extra = store.update(
                WEB,
                current -> {
                    current.put("data", Map.of("k", "v"));
                    return current;
                },
                WriteOptions.NONE);
        assertEquals(3, meta(extra).get("generation"));
    }

    @Test
    void generateNameAppendsFiveRandomLowercaseLettersOrDigits() {
        Map<String, Object> first =
                store.create(PODS, "ns", body("{\"metadata\":{\"generateName\":\"web-\"}}"), WriteOptions.NONE);
        Map<String, Object> second =
                store.create(PODS, "ns", body("{\"metadata\":{\"generateName\":\"web-\"}}"), WriteOptions.NONE);
        String name = (String) meta(first).get("name");
        assertTrue(name.matches("web-[a-z0-9]{5}"), name);
        assertNotEquals(name, meta(second).get("name"));
        assertEquals(first, store.get(new ObjectKey(PODS, "ns", name)));
    }

    @Test
    void createWithoutNameOrGenerateNameIsInvalid() {
        KubernetesException error = assertThrows(
                KubernetesException.class,
                () -> store.create(PODS, "ns", body("{\"metadata\":{}}"), WriteOptions.NONE));
        assertEquals(422, error.code());
        assertEquals("Invalid", error.toStatus().get("reason"));
    }

    @Test
    void createOnALiveObjectIsAConflictThatChangesNothing() {
        store.create(PODS, "ns", body("{\"metadata\":{\"name\":\"web\"}}"), WriteOptions.NONE);
        KubernetesException error = assertThrows(
                KubernetesException.class,
                () -> store.create(
                        PODS, "ns", body("{\"metadata\":{\"name\":\"web\"},\"spec\":1}"), WriteOptions.NONE));
        assertEquals(
                Map.of(
                        "apiVersion",
                        "v1",
                        "kind",
                        "Status",
                        "metadata",
                        Map.of(),
                        "status",
                        "Failure",
                        "message",
                        "pods \"web\" already exists",
                        "reason",
                        "AlreadyExists",
                        "details",
                        Map.of("name", "web", "group", "", "kind", "pods"),
                        "code",
                        409),
                error.toStatus());
        assertEquals(1, store.history(WEB).size());
        assertEquals(1, events.size());
    }

    @Test
    void aBodyNamingAnotherNamespaceIsABadRequest() {
        KubernetesException error = assertThrows(
                KubernetesException.class,
                () -> store.create(
                        PODS,
                        "ns",
                        body("{\"metadata\":{\"name\":\"web\",\"namespace\":\"other\"}}"),
                        WriteOptions.NONE));
        assertEquals(400, error.code());
        assertTrue(error.getMessage().contains("does not match the namespace"), error.getMessage());
        store.create(PODS, "ns", body("{\"metadata\":{\"name\":\"web\"}}"), WriteOptions.NONE);
        KubernetesException rename = assertThrows(
                KubernetesException.class,
                () -> store.replace(WEB, body("{\"metadata\":{\"name\":\"other\"}}"), WriteOptions.NONE));
        assertEquals("BadRequest", rename.toStatus().get("reason"));
    }

    @Test
    void deletionIsSoftAndACreateStartsANewLifeInTheSameHistory() {
        Map<String, Object> first =
                store.create(PODS, "ns", body("{\"metadata\":{\"name\":\"web\"}}"), WriteOptions.NONE);
        Deletion deletion = store.delete(WEB, WriteOptions.NONE);
        assertFalse(deletion.pending());
        assertNull(store.find(WEB));
        assertEquals(
                404,
                assertThrows(KubernetesException.class, () -> store.get(WEB)).code());
        assertEquals(Arrays.asList(first, null), store.history(WEB));
        assertEquals(StoreEvent.Type.DELETED, events.get(1).type());
        assertEquals("2", meta(events.get(1).object()).get("resourceVersion"));

        Map<String, Object> second =
                store.create(PODS, "ns", body("{\"metadata\":{\"name\":\"web\"}}"), WriteOptions.NONE);
        assertEquals(3, store.history(WEB).size());
        assertNotEquals(meta(first).get("uid"), meta(second).get("uid"));
        assertEquals(StoreEvent.Type.ADDED, events.get(2).type());
    }

    @Test
    void writesToADeletedOrMissingObjectAreNotFound() {
        store.create(PODS, "ns", body("{\"metadata\":{\"name\":\"web\"}}"), WriteOptions.NONE);
        store.delete(WEB, WriteOptions.NONE);
        KubernetesException error =
                assertThrows(KubernetesException.class, () -> store.replace(WEB, body("{}"), WriteOptions.NONE));
        assertEquals(404, error.code());
        assertEquals("object not found: pods \"web\" in namespace \"ns\"", error.getMessage());
        assertThrows(KubernetesException.class, () -> store.delete(WEB, WriteOptions.NONE));
        assertThrows(
                KubernetesException.class,
                () -> store.update(new ObjectKey(PODS, null, "nothing"), c -> c, WriteOptions.NONE));
    }

    @Test
    void aStaleResourceVersionIsAConflict() {
        store.create(PODS, "ns", body("{\"metadata\":{\"name\":\"web\"}}"), WriteOptions.NONE);
        store.replace(WEB, body("{\"metadata\":{\"resourceVersion\":\"1\"},\"spec\":1}"), WriteOptions.NONE);
        KubernetesException error = assertThrows(
                KubernetesException.class,
                () -> store.replace(
                        WEB, body("{\"metadata\":{\"resourceVersion\":\"1\"},\"spec\":2}"), WriteOptions.NONE));
        assertEquals(409, error.code());
        assertEquals("Conflict", error.toStatus().get("reason"));
        assertEquals(
                "Operation cannot be fulfilled on pods \"web\": the object has been modified; please apply "
                        + "your changes to the latest version and try again",
                error.getMessage());
        assertEquals(1, store.find(WEB).get("spec"));
        KubernetesException patched = assertThrows(
                KubernetesException.class,
                () -> store.update(
                        WEB,
                        current -> {
                            ((Map<String, Object>) current.get("metadata")).put("resourceVersion", "1");
                            return current;
                        },
                        WriteOptions.NONE));
        assertEquals(409, patched.code());
    }

    @Test
    void aReplaceWithoutResourceVersionIsUnconditional() {
        store.create(PODS, "ns", body("{\"metadata\":{\"name\":\"web\"}}"), WriteOptions.NONE);
        store.replace(WEB, body("{\"spec\":1}"), WriteOptions.NONE);
        Map<String, Object> latest = store.replace(WEB, body("{\"spec\":2}"), WriteOptions.NONE);
        assertEquals(2, latest.get("spec"));
        assertEquals("3", meta(latest).get("resourceVersion"));
    }

    @Test
    void deletingAnObjectWithFinalizersOnlyMarksItUntilTheyAreRemoved() {
        store.create(
                PODS,
                "ns",
                body("{\"metadata\":{\"name\":\"web\",\"finalizers\":[\"kopf.dev/x\"]},\"spec\":1}"),
                WriteOptions.NONE);
        clock.advance(Duration.ofMinutes(5));
        Deletion deletion = store.delete(WEB, WriteOptions.NONE);
        assertTrue(deletion.pending());
        assertEquals("2030-01-02T03:09:05Z", meta(deletion.object()).get("deletionTimestamp"));
        assertEquals(deletion.object(), store.get(WEB));
        assertEquals(StoreEvent.Type.MODIFIED, events.get(1).type());

        Deletion again = store.delete(WEB, WriteOptions.NONE);
        assertTrue(again.pending());
        assertEquals(2, events.size());

        Map<String, Object> answered = store.update(
                WEB,
                current -> {
                    ((Map<String, Object>) current.get("metadata")).put("finalizers", List.of());
                    return current;
                },
                WriteOptions.NONE);
        assertEquals(List.of(), meta(answered).get("finalizers"));
        assertNull(store.find(WEB));
        assertEquals(
                List.of(
                        StoreEvent.Type.ADDED,
                        StoreEvent.Type.MODIFIED,
                        StoreEvent.Type.MODIFIED,
                        StoreEvent.Type.DELETED),
                events.stream().map(StoreEvent::type).toList());
        assertEquals(answered, store.history(WEB).get(2));
        assertNull(store.history(WEB).get(3));
        assertEquals(
                List.of(1L, 2L, 3L, 4L),
                events.stream().map(StoreEvent::revision).toList());
    }

    @Test
    void aWriteThatKeepsFinalizersKeepsTheDeletionTimestamp() {
        store.create(
                PODS, "ns", body("{\"metadata\":{\"name\":\"web\",\"finalizers\":[\"a\",\"b\"]}}"), WriteOptions.NONE);
        Object stamp = meta(store.delete(WEB, WriteOptions.NONE).object()).get("deletionTimestamp");
        Map<String, Object> updated =
                store.replace(WEB, body("{\"metadata\":{\"finalizers\":[\"b\"]}}"), WriteOptions.NONE);
        assertEquals(stamp, meta(updated).get("deletionTimestamp"));
        assertTrue(store.find(WEB) != null);
    }

    @Test
    void dryRunLeavesNoTrace() {
        store.create(
                PODS,
                "ns",
                body("{\"metadata\":{\"name\":\"web\",\"finalizers\":[\"f\"]},\"spec\":1}"),
                WriteOptions.NONE);
        List<Map<String, Object>> history = store.history(WEB);

        Map<String, Object> created =
                store.create(PODS, "ns", body("{\"metadata\":{\"name\":\"other\"}}"), WriteOptions.DRY_RUN);
        Map<String, Object> replaced = store.replace(WEB, body("{\"spec\":2}"), WriteOptions.DRY_RUN);
        Deletion deleted = store.delete(WEB, WriteOptions.DRY_RUN);
        List<Deletion> all = store.deleteCollection(PODS, null, object -> true, WriteOptions.DRY_RUN);

        assertEquals("other", meta(created).get("name"));
        assertEquals(2, replaced.get("spec"));
        assertTrue(deleted.pending());
        assertEquals(1, all.size());
        assertEquals(history, store.history(WEB));
        assertNull(store.history(new ObjectKey(PODS, "ns", "other")));
        assertEquals(1, store.revision());
        assertEquals(1, events.size());
    }

    @Test
    void deleteCollectionDeletesTheChosenLiveObjectsOfOneNamespace() {
        for (String name : List.of("a", "b", "c")) {
            store.create(PODS, "ns", body("{\"metadata\":{\"name\":\"" + name + "\"}}"), WriteOptions.NONE);
        }
        store.create(PODS, "elsewhere", body("{\"metadata\":{\"name\":\"a\"}}"), WriteOptions.NONE);
        List<Deletion> deleted = store.deleteCollection(
                PODS, "ns", object -> !"b".equals(meta(object).get("name")), WriteOptions.NONE);
        assertEquals(2, deleted.size());
        assertNull(store.find(new ObjectKey(PODS, "ns", "a")));
        assertTrue(store.find(new ObjectKey(PODS, "ns", "b")) != null);
        assertTrue(store.find(new ObjectKey(PODS, "elsewhere", "a")) != null);
    }

    @Test
    void deletePreconditionsMustMatch() {
        store.create(PODS, "ns", body("{\"metadata\":{\"name\":\"web\"}}"), WriteOptions.NONE);
        KubernetesException error = assertThrows(
                KubernetesException.class, () -> store.delete(WEB, WriteOptions.NONE.withPreconditions(null, "7")));
        assertEquals(409, error.code());
        assertTrue(error.getMessage().contains("Precondition failed: ResourceVersion in precondition: 7"));
        assertFalse(store.delete(WEB, WriteOptions.NONE.withPreconditions(null, "1"))
                .pending());
    }

    @Test
    void statusRulesSplitMainWritesFromStatusWrites() {
        store.create(
                PODS,
                "ns",
                body("{\"metadata\":{\"name\":\"web\"},\"spec\":1,\"status\":{\"phase\":\"A\"}}"),
                WriteOptions.NONE);
        Map<String, Object> main = store.update(
                WEB,
                current -> StatusSubresource.keepStatus(current, body("{\"spec\":2,\"status\":{\"phase\":\"B\"}}")),
                WriteOptions.NONE);
        assertEquals(2, main.get("spec"));
        assertEquals(Map.of("phase", "A"), main.get("status"));
        Map<String, Object> status = store.update(
                WEB,
                current -> StatusSubresource.onlyStatus(current, body("{\"spec\":3,\"status\":{\"phase\":\"C\"}}")),
                WriteOptions.NONE);
        assertEquals(2, status.get("spec"));
        assertEquals(Map.of("phase", "C"), status.get("status"));
        assertEquals(2, meta(status).get("generation"));
        KubernetesException stale = assertThrows(
                KubernetesException.class,
                () -> store.update(
                        WEB,
                        current -> StatusSubresource.onlyStatus(
                                current, body("{\"metadata\":{\"resourceVersion\":\"1\"},\"status\":{}}")),
                        WriteOptions.NONE));
        assertEquals(409, stale.code());
    }

    @Test
    void storedObjectsCannotBeChangedThroughWhatTheStoreHandsOut() {
        Map<String, Object> given = body("{\"metadata\":{\"name\":\"web\"},\"spec\":{\"a\":[1]}}");
        Map<String, Object> created = store.create(PODS, "ns", given, WriteOptions.NONE);
        ((Map<String, Object>) given.get("spec")).put("a", List.of(2));
        assertThrows(UnsupportedOperationException.class, () -> created.put("x", 1));
        assertThrows(
                UnsupportedOperationException.class,
                () -> ((List<Object>) ((Map<String, Object>) created.get("spec")).get("a")).add(3));
        store.update(
                WEB,
                current -> {
                    ((Map<String, Object>) current.get("spec")).put("a", List.of(9));
                    return new LinkedHashMap<>(Map.of("spec", Map.of("a", List.of(5))));
                },
                WriteOptions.NONE);
        assertEquals(Map.of("a", List.of(5)), store.find(WEB).get("spec"));
        assertEquals(Map.of("a", List.of(1)), store.history(WEB).get(0).get("spec"));
    }

    @Test
    void withoutManagedMetadataWritesStoreBodiesExactlyButStillVersionTheStore() {
        ObjectStore raw = new ObjectStore(StoreSettings.defaults().withManagedMetadata(false));
        Map<String, Object> given = body("{\"metadata\":{\"name\":\"web\"},\"spec\":1}");
        assertEquals(given, raw.create(PODS, "ns", given, WriteOptions.NONE));
        assertEquals(body("{\"spec\":2}"), raw.replace(WEB, body("{\"spec\":2}"), WriteOptions.NONE));
        assertEquals(2, raw.revision());
    }
}
