package kmock.internal.k8s.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import kmock.api.Resource;
import kmock.internal.k8s.status.KubernetesException;
import kmock.internal.k8s.store.JsonTree;
import kmock.internal.k8s.store.ObjectKey;
import kmock.internal.k8s.store.ObjectStore;
import kmock.internal.k8s.store.WriteOptions;

class ConcurrentWritesTest {

    private static final Resource COUNTERS = new Resource("kmock.dev", "v1", "counters");
    private static final ObjectKey COUNTER = new ObjectKey(COUNTERS, "ns", "counter");
    private static final int THREADS = 8;
    private static final int INCREMENTS = 250;

    @Test
    void optimisticIncrementsFromManyThreadsLoseNothingAndAWatcherSeesEveryOneInOrder() throws Exception {
        ObjectStore store = new ObjectStore();
        Watches watches = new Watches(store, THREADS * INCREMENTS + 10, Duration.ofMinutes(1), System::nanoTime);
        store.create(
                COUNTERS,
                "ns",
                Map.of("metadata", Map.of("name", "counter"), "spec", Map.of("value", 0)),
                WriteOptions.NONE);
        Watcher watcher = watches.open(WatchRequest.of(COUNTERS, "ns").withResourceVersion("1"));
        ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1, runnable -> {
            Thread thread = new Thread(runnable, "kmock-test-writer");
            thread.setDaemon(true);
            return thread;
        });
        AtomicInteger conflicts = new AtomicInteger();
        try {
            Future<List<WatchEvent>> watched = pool.submit(() -> {
                List<WatchEvent> seen = new ArrayList<>();
                while (seen.size() < THREADS * INCREMENTS) {
                    WatchEvent event = watcher.poll(Duration.ofSeconds(30));
                    assertNotNull(event, "no event within 30 s after " + seen.size());
                    seen.add(event);
                }
                return seen;
            });
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < INCREMENTS; i++) {
                        while (true) {
                            Map<String, Object> body = JsonTree.copyMap(store.get(COUNTER));
                            @SuppressWarnings("unchecked")
                            Map<String, Object> spec = (Map<String, Object>) body.get("spec");
                            spec.put("value", ((Number) spec.get("value")).intValue() + 1);
                            try {
                                store.replace(COUNTER, body, WriteOptions.NONE);
                                break;
                            } catch (KubernetesException e) {
                                assertEquals(409, e.code());
                                conflicts.incrementAndGet();
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> writer : writers) {
                writer.get(60, TimeUnit.SECONDS);
            }
            List<WatchEvent> events = watched.get(60, TimeUnit.SECONDS);

            assertEquals(THREADS * INCREMENTS, ((Map<?, ?>) store.get(COUNTER).get("spec")).get("value"));
            long previous = 1;
            int expected = 1;
            for (WatchEvent event : events) {
                assertEquals(WatchEvent.Type.MODIFIED, event.type());
                assertTrue(event.resourceVersion() > previous, "resourceVersions must increase");
                assertEquals(
                        Long.toString(event.resourceVersion()),
                        ((Map<?, ?>) event.object().get("metadata")).get("resourceVersion"));
                assertEquals(expected++, ((Map<?, ?>) event.object().get("spec")).get("value"));
                previous = event.resourceVersion();
            }
            assertEquals(THREADS * INCREMENTS + 1, store.revision());
            assertEquals(THREADS * INCREMENTS + 1, store.history(COUNTER).size());
        } finally {
            watcher.close();
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        }
    }

    @Test
    void watchersOpenedDuringWritesMissNothingAndSeeNothingTwice() throws Exception {
        ObjectStore store = new ObjectStore();
        Watches watches = new Watches(store, 100_000, Duration.ofMinutes(1), System::nanoTime);
        ExecutorService pool = Executors.newFixedThreadPool(2, runnable -> new Thread(runnable, "kmock-test-writer"));
        try {
            Future<?> writer = pool.submit(() -> {
                for (int i = 0; i < 2000; i++) {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("spec", i);
                    store.put(new ObjectKey(COUNTERS, "ns", "o" + (i % 50)), body);
                }
                return null;
            });
            List<Watcher> watchers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                watchers.add(watches.open(WatchRequest.of(COUNTERS, null)));
            }
            writer.get(60, TimeUnit.SECONDS);
            for (Watcher watcher : watchers) {
                // Replaying the events onto the initial state must give exactly the final state.
                Map<String, Object> names = new LinkedHashMap<>();
                long last = -1;
                boolean live = false;
                for (WatchEvent event = watcher.poll(Duration.ZERO);
                        event != null;
                        event = watcher.poll(Duration.ZERO)) {
                    String name = (String) ((Map<?, ?>) event.object().get("metadata")).get("name");
                    if (event.type() == WatchEvent.Type.ADDED && !live) {
                        names.put(name, event.object().get("spec"));
                        last = event.resourceVersion();
                        continue;
                    }
                    live = true;
                    assertTrue(event.resourceVersion() > last, "each change once, in order");
                    last = event.resourceVersion();
                    names.put(name, event.object().get("spec"));
                }
                assertEquals(50, names.size());
                for (int n = 0; n < 50; n++) {
                    assertEquals(1950 + n, names.get("o" + n), "object o" + n);
                }
                watcher.close();
            }
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        }
    }
}
