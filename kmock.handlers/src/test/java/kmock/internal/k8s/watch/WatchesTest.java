package kmock.internal.k8s.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import kmock.api.Resource;
import kmock.internal.json.Json;
import kmock.internal.k8s.status.KubernetesException;
import kmock.internal.k8s.store.ObjectKey;
import kmock.internal.k8s.store.ObjectStore;
import kmock.internal.k8s.store.StoreSettings;
import kmock.internal.k8s.store.WriteOptions;

class WatchesTest {

    private static final Resource PODS = new Resource("", "v1", "pods");
    private static final Resource SECRETS = new Resource("", "v1", "secrets");

    private final AtomicLong ticker = new AtomicLong(1_000);
    private final ObjectStore store = new ObjectStore(
            StoreSettings.defaults().withWindowSize(10).withKinds(resource -> resource.equals(PODS) ? "Pod" : null));
    private final Watches watches = new Watches(store, 4, Duration.ofSeconds(60), ticker::get);

    private void put(String namespace, String name, Object spec) {
        store.put(new ObjectKey(PODS, namespace, name), Map.of("spec", spec));
    }

    /** Everything queued now, without waiting: deliveries happen before a write returns. */
    private static List<String> drain(Watcher watcher) throws InterruptedException {
        List<String> seen = new ArrayList<>();
        for (WatchEvent event = watcher.poll(Duration.ZERO); event != null; event = watcher.poll(Duration.ZERO)) {
            seen.add(describe(event));
        }
        return seen;
    }

    private static String describe(WatchEvent event) {
        Map<?, ?> meta = (Map<?, ?>) event.object().get("metadata");
        return event.type() + " "
                + (event.type() == WatchEvent.Type.BOOKMARK
                        ? meta.get("resourceVersion")
                        : meta.get("name") + "@" + meta.get("resourceVersion"));
    }

    @Test
    void aWatchWithoutResourceVersionStartsWithTheCurrentStateAsAddedEvents() throws Exception {
        put("ns", "a", 1);
        put("ns", "b", 1);
        put("ns", "a", 2);
        try (Watcher watcher = watches.open(WatchRequest.of(PODS, "ns"))) {
            put("ns", "b", 2);
            assertEquals(List.of("ADDED a@3", "ADDED b@2", "MODIFIED b@4"), drain(watcher));
        }
    }

    @Test
    void aWatchFromAResourceVersionSeesOnlyLaterEventsInOrder() throws Exception {
        put("ns", "a", 1);
        put("ns", "b", 1);
        put("ns", "a", 2);
        store.delete(new ObjectKey(PODS, "ns", "b"), WriteOptions.NONE);
        try (Watcher watcher = watches.open(WatchRequest.of(PODS, null).withResourceVersion("2"))) {
            put("other", "c", 1);
            assertEquals(List.of("MODIFIED a@3", "DELETED b@4", "ADDED c@5"), drain(watcher));
        }
    }

    @Test
    void sendInitialEventsEndsTheStateWithAnAnnotatedBookmark() throws Exception {
        put("ns", "a", 1);
        try (Watcher watcher = watches.open(
                WatchRequest.of(PODS, "ns").withSendInitialEvents(true).withBookmarks(true))) {
            WatchEvent added = watcher.poll(Duration.ZERO);
            WatchEvent end = watcher.poll(Duration.ZERO);
            assertEquals(WatchEvent.Type.ADDED, added.type());
            assertEquals(
                    Map.of(
                            "type",
                            "BOOKMARK",
                            "object",
                            Map.of(
                                    "kind",
                                    "Pod",
                                    "apiVersion",
                                    "v1",
                                    "metadata",
                                    Map.of(
                                            "resourceVersion",
                                            "1",
                                            "annotations",
                                            Map.of("k8s.io/initial-events-end", "true")))),
                    Json.parse(end.toLine()));
            assertNull(watcher.poll(Duration.ZERO));
        }
    }

    @Test
    void sendInitialEventsFalseSkipsTheStateEvenWithoutResourceVersion() throws Exception {
        put("ns", "a", 1);
        try (Watcher watcher = watches.open(WatchRequest.of(PODS, "ns").withSendInitialEvents(false))) {
            put("ns", "b", 1);
            assertEquals(List.of("ADDED b@2"), drain(watcher));
        }
    }

    @Test
    void aResourceVersionOlderThanTheWindowEndsTheWatchWithOne410Error() throws Exception {
        for (int i = 0; i < 15; i++) {
            put("ns", "a", i);
        }
        Watcher watcher = watches.open(WatchRequest.of(PODS, "ns").withResourceVersion("3"));
        WatchEvent error = watcher.poll(Duration.ZERO);
        assertEquals(WatchEvent.Type.ERROR, error.type());
        assertEquals(410, error.object().get("code"));
        assertEquals("Expired", error.object().get("reason"));
        assertEquals("too old resource version: 3 (6)", error.object().get("message"));
        assertNull(watcher.poll(Duration.ZERO));
        assertTrue(watcher.isEnded());
        assertEquals(0, watches.openCount());
    }

    @Test
    void aResourceVersionThatIsNoNumberIsABadRequest() {
        KubernetesException error = assertThrows(
                KubernetesException.class,
                () -> watches.open(WatchRequest.of(PODS, "ns").withResourceVersion("abc")));
        assertEquals(400, error.code());
        assertEquals(0, watches.openCount());
    }

    @Test
    void bookmarksArriveWhenThePeriodElapsesWhileIdle() throws Exception {
        try (Watcher watcher = watches.open(WatchRequest.of(PODS, "ns")
                .withResourceVersion("0")
                .withSendInitialEvents(false)
                .withBookmarks(true))) {
            store.put(new ObjectKey(SECRETS, "ns", "s"), Map.of());
            assertNull(watcher.poll(Duration.ZERO));
            ticker.addAndGet(TimeUnit.SECONDS.toNanos(61));
            assertEquals(List.of("BOOKMARK 1"), drain(watcher));
            put("ns", "a", 1);
            ticker.addAndGet(TimeUnit.SECONDS.toNanos(61));
            assertEquals(List.of("ADDED a@2", "BOOKMARK 2"), drain(watcher));
        }
    }

    @Test
    void withoutAllowWatchBookmarksNoBookmarkIsSent() throws Exception {
        try (Watcher watcher = watches.open(WatchRequest.of(PODS, "ns"))) {
            ticker.addAndGet(TimeUnit.MINUTES.toNanos(10));
            assertNull(watcher.poll(Duration.ZERO));
            assertFalse(watcher.isEnded());
        }
    }

    @Test
    void theWatchEndsWhenItsTimeoutPasses() throws Exception {
        Watcher watcher = watches.open(WatchRequest.of(PODS, "ns").withTimeout(Duration.ofSeconds(30)));
        put("ns", "a", 1);
        assertEquals(List.of("ADDED a@1"), drain(watcher));
        ticker.addAndGet(TimeUnit.SECONDS.toNanos(31));
        put("ns", "b", 1);
        assertNull(watcher.poll(Duration.ZERO));
        assertTrue(watcher.isEnded());
        assertEquals(0, watches.openCount());
    }

    @Test
    void anObjectLeavingTheSelectionIsDeletedForTheWatcherAndEnteringItIsAdded() throws Exception {
        try (Watcher watcher = watches.open(
                WatchRequest.of(PODS, "ns").withFilter(o -> Integer.valueOf(1).equals(o.get("spec"))))) {
            put("ns", "a", 1);
            put("ns", "a", 2);
            put("ns", "a", 3);
            put("ns", "a", 1);
            put("ns", "a", 1);
            assertEquals(List.of("ADDED a@1", "DELETED a@2", "ADDED a@4", "MODIFIED a@5"), drain(watcher));
        }
    }

    @Test
    void aWatchOfOneNameInOneNamespaceSeesOnlyThatObject() throws Exception {
        try (Watcher watcher = watches.open(WatchRequest.of(PODS, "ns").withName("a"))) {
            put("ns", "a", 1);
            put("ns", "b", 1);
            put("other", "a", 1);
            store.put(new ObjectKey(SECRETS, "ns", "a"), Map.of());
            assertEquals(List.of("ADDED a@1"), drain(watcher));
        }
    }

    @Test
    void anOverflowingWatcherEndsAloneWhileWritersAndOtherWatchersContinue() throws Exception {
        Watcher idle = watches.open(WatchRequest.of(PODS, "ns"));
        Watcher reader = watches.open(WatchRequest.of(PODS, "ns"));
        List<String> read = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            put("ns", "a", i);
            read.addAll(drain(reader));
        }
        assertEquals(10, read.size());
        assertEquals(10, store.revision());

        List<String> idleSaw = drain(idle);
        assertEquals(List.of("ADDED a@1", "MODIFIED a@2", "MODIFIED a@3", "MODIFIED a@4"), idleSaw.subList(0, 4));
        assertTrue(idleSaw.get(4).startsWith("ERROR"), idleSaw.toString());
        assertEquals(5, idleSaw.size());
        assertTrue(idle.isEnded());
        assertFalse(reader.isEnded());
        assertEquals(1, watches.openCount());
        reader.close();
    }

    @Test
    void theOverflowErrorIsA410Status() throws Exception {
        try (Watcher idle = watches.open(WatchRequest.of(PODS, "ns"))) {
            for (int i = 0; i < 5; i++) {
                put("ns", "a", i);
            }
            WatchEvent last = null;
            for (WatchEvent event = idle.poll(Duration.ZERO); event != null; event = idle.poll(Duration.ZERO)) {
                last = event;
            }
            assertEquals(WatchEvent.Type.ERROR, last.type());
            assertEquals(410, last.object().get("code"));
            assertEquals("Status", last.object().get("kind"));
        }
    }

    @Test
    void closingWakesAConsumerWaitingInPoll() throws Exception {
        Watcher watcher = watches.open(WatchRequest.of(PODS, "ns"));
        CompletableFuture<WatchEvent> polled = CompletableFuture.supplyAsync(() -> {
            try {
                return watcher.poll(Duration.ofMinutes(5));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        // Once the consumer waits, a close must wake it; the close may also come first, which returns at once too.
        watches.close();
        assertNull(polled.get(30, TimeUnit.SECONDS));
        assertTrue(watcher.isEnded());
        assertEquals(0, watches.openCount());
    }

    @Test
    void aWaitingConsumerGetsAnEventWrittenByAnotherThread() throws Exception {
        try (Watcher watcher = watches.open(WatchRequest.of(PODS, "ns"))) {
            CompletableFuture<WatchEvent> polled = CompletableFuture.supplyAsync(() -> {
                try {
                    return watcher.poll(Duration.ofSeconds(30));
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            put("ns", "a", 1);
            assertEquals("ADDED a@1", describe(polled.get(30, TimeUnit.SECONDS)));
        }
    }

    @Test
    void aRemovedLiveObjectIsDeletedForWatchers() throws Exception {
        put("ns", "a", 1);
        try (Watcher watcher = watches.open(WatchRequest.of(PODS, "ns").withResourceVersion("1"))) {
            store.remove(new ObjectKey(PODS, "ns", "a"));
            assertEquals(List.of("DELETED a@2"), drain(watcher));
        }
    }
}
