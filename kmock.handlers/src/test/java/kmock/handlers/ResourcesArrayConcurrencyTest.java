package kmock.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ResourcesArrayConcurrencyTest {

    private static final int THREADS = 8;
    private static final int PER_THREAD = 500;

    private final AtomicInteger threadNumbers = new AtomicInteger();
    private final ExecutorService pool = Executors.newFixedThreadPool(
            THREADS, task -> new Thread(task, "kmock-test-resources-" + threadNumbers.incrementAndGet()));
    private final ResourcesArray resources = new ResourcesArray();

    @AfterEach
    void stopThreads() throws InterruptedException {
        pool.shutdownNow();
        assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS), "the test threads end");
    }

    @Test
    void concurrentPutsOfDistinctResourcesAreAllKept() throws Exception {
        List<Integer> done = runTogether(thread -> {
            for (int i = 0; i < PER_THREAD; i++) {
                resources.put("example.com/v1/things-" + thread + "-" + i, Map.of("kind", "Thing"));
            }
            return PER_THREAD;
        });

        assertEquals(
                THREADS * PER_THREAD, done.stream().mapToInt(Integer::intValue).sum());
        assertEquals(THREADS * PER_THREAD, resources.size());
        assertEquals(THREADS * PER_THREAD, resources.keys().size());
    }

    @Test
    void concurrentFirstGetsOfTheSameResourcesCreateOneDescriptionEach() throws Exception {
        List<List<ResourceInfo>> seen = runTogether(thread -> {
            List<ResourceInfo> infos = new ArrayList<>();
            for (int i = 0; i < PER_THREAD; i++) {
                infos.add(resources.get("v1/shared-" + i));
            }
            return infos;
        });

        assertEquals(PER_THREAD, resources.size());
        for (int i = 0; i < PER_THREAD; i++) {
            Set<ResourceInfo> distinct = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            for (List<ResourceInfo> infos : seen) {
                distinct.add(infos.get(i));
            }
            assertEquals(1, distinct.size(), "every thread got the same description of v1/shared-" + i);
        }
    }

    @Test
    void concurrentChangesThroughHeldDescriptionsEachAdvanceTheRevision() throws Exception {
        ResourceInfo info = resources.get("v1/pods");
        long start = resources.revision();

        runTogether(thread -> {
            for (int i = 0; i < PER_THREAD; i++) {
                info.verbs("get-" + thread + "-" + i);
            }
            return null;
        });

        assertEquals(start + (long) THREADS * PER_THREAD, resources.revision());
    }

    @Test
    void concurrentPutsAndRemovesLeaveExactlyTheSurvivors() throws Exception {
        runTogether(thread -> {
            for (int i = 0; i < PER_THREAD; i++) {
                String spec = "v1/items-" + thread + "-" + i;
                resources.put(spec, new ResourceInfo());
                if (i % 2 == 1) {
                    resources.remove(spec);
                }
                resources.contains(spec);
                resources.keys();
            }
            return null;
        });

        assertEquals(THREADS * PER_THREAD / 2, resources.size());
        assertTrue(resources.keys().stream()
                .allMatch(r -> Integer.parseInt(r.plural().substring(r.plural().lastIndexOf('-') + 1)) % 2 == 0));
    }

    /** Runs one task per thread, all released at once, and returns their results; fails rather than waits forever. */
    private <T> List<T> runTogether(ThreadTask<T> task) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            Callable<T> call = () -> {
                assertTrue(start.await(30, TimeUnit.SECONDS));
                return task.run(thread);
            };
            futures.add(pool.submit(call));
        }
        start.countDown();
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            results.add(future.get(60, TimeUnit.SECONDS));
        }
        return results;
    }

    @FunctionalInterface
    private interface ThreadTask<T> {
        T run(int thread) throws Exception;
    }
}
