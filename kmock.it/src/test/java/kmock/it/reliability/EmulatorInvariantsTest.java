package kmock.it.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import kmock.api.KStream;
import kmock.handlers.KubernetesEmulator;
import kmock.internal.json.Json;
import kmock.it.transport.BothTransports;
import kmock.test.KMockExtension;

/**
 * The emulator's promises under concurrency: optimistic concurrency loses no update, resourceVersions only grow,
 * every watcher sees every event of its selection in order, and a watcher that stops reading costs only its own
 * watch.
 */
@BothTransports
class EmulatorInvariantsTest {

    private static final String CM = "/api/v1/namespaces/inv/configmaps";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    /** A started emulator per test on the transport under test, closed after it. */
    @RegisterExtension
    final KMockExtension emulator;

    /** The transport under test, for the figures. */
    private final String transport;

    private KubernetesEmulator kmock;
    private ExecutorService pool;

    EmulatorInvariantsTest(String transport) {
        this.transport = transport;
        emulator = KMockExtension.builder().transport(transport).build();
    }

    @BeforeEach
    void serveTheBundledCatalog() {
        kmock = emulator.handler(KubernetesEmulator.class);
        kmock.resources().loadBundled();
        pool = Executors.newCachedThreadPool(runnable -> new Thread(runnable, "kmock-it-invariants"));
    }

    @AfterEach
    void stopThePool() {
        pool.shutdownNow();
    }

    private static Map<?, ?> metadata(Object object) {
        return (Map<?, ?>) ((Map<?, ?>) object).get("metadata");
    }

    @Test
    @SuppressWarnings("unchecked")
    void conflictingWritersLoseNothingAndEveryWatcherSeesEveryVersionInOrder() throws Exception {
        int writers = 8;
        int increments = 40;
        int watchers = 10;
        kmock.post(CM, Map.of("metadata", Map.of("name", "counter"), "data", Map.of("n", "0")));
        String from = (String) metadata(kmock.get(CM).json()).get("resourceVersion");
        List<KStream> streams = new ArrayList<>();
        for (int w = 0; w < watchers; w++) {
            KStream stream = kmock.stream("GET", CM + "?watch=true&resourceVersion=" + from);
            assertEquals(200, stream.status());
            streams.add(stream);
        }
        AtomicInteger conflicts = new AtomicInteger();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < writers; t++) {
            done.add(pool.submit((Callable<Void>) () -> {
                for (int i = 0; i < increments; i++) {
                    while (true) {
                        Map<String, Object> current = new LinkedHashMap<>(
                                (Map<String, Object>) kmock.get(CM + "/counter").json());
                        int n = Integer.parseInt((String) ((Map<?, ?>) current.get("data")).get("n"));
                        current.put("data", Map.of("n", String.valueOf(n + 1)));
                        int status = kmock.put(CM + "/counter", current).status();
                        if (status == 200) {
                            break;
                        }
                        assertEquals(409, status);
                        conflicts.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> writer : done) {
            writer.get(5, TimeUnit.MINUTES);
        }
        int total = writers * increments;
        assertEquals(
                Map.of("n", String.valueOf(total)),
                kmock.objects().get("v1/configmaps", "inv", "counter").get("data"));
        long wrong = 0;
        for (KStream stream : streams) {
            try (stream) {
                long previous = Long.parseLong(from);
                for (int expected = 1; expected <= total; expected++) {
                    String line = stream.readLine(PATIENCE);
                    Map<?, ?> event = (Map<?, ?>) Json.parse(line);
                    Map<?, ?> object = (Map<?, ?>) event.get("object");
                    long version = Long.parseLong((String) metadata(object).get("resourceVersion"));
                    String n = (String) ((Map<?, ?>) object.get("data")).get("n");
                    if (!"MODIFIED".equals(event.get("type"))
                            || version <= previous
                            || !String.valueOf(expected).equals(n)) {
                        wrong++;
                    }
                    previous = version;
                }
            }
        }
        Figures.record(
                "emulator: " + writers + " writers x " + increments + " GET+PUT increments, " + watchers + " watchers",
                transport,
                total,
                total
                        - Integer.parseInt(String.valueOf(((Map<?, ?>) kmock.objects()
                                        .get("v1/configmaps", "inv", "counter")
                                        .get("data"))
                                .get("n"))),
                conflicts.get() + " conflicts retried; " + watchers * total + " events watched, " + wrong
                        + " missing, repeated or out of order");
        assertEquals(0, wrong, "every watcher saw every value once, in order, with growing resourceVersions");
    }

    @Test
    void aWatcherThatNeverReadsIsEndedAloneWhileWritersAndOtherWatchersGoOn() throws Exception {
        // With the default buffer of 1,000 events a reading watcher never falls that far behind, while the stalled
        // one overflows once its socket buffers (a few hundred of these events) and its 1,000 queued events are full.
        String payload = "x".repeat(16 * 1024);
        int writes = 2500;
        try (RawHttp stalled = RawHttp.connect(emulator.server().url(), 4096);
                KStream reader = kmock.stream("GET", CM + "?watch=true")) {
            stalled.send("GET " + CM + "?watch=true HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            assertEquals(200, reader.status());
            Future<Integer> seen = pool.submit(() -> {
                int count = 0;
                while (count < writes) {
                    String line = reader.readLine(PATIENCE);
                    if (line == null) {
                        break;
                    }
                    count++;
                }
                return count;
            });
            for (int i = 0; i < writes; i++) {
                assertEquals(
                        201,
                        kmock.post(CM, Map.of("metadata", Map.of("name", "big-" + i), "data", Map.of("v", payload)))
                                .status());
            }
            assertEquals(writes, seen.get(2, TimeUnit.MINUTES), "the reading watcher saw every write");
            assertEquals(200, stalled.status());
            stalled.headers();
            List<String> lines = stalled.chunkedLines(Integer.MAX_VALUE);
            Map<?, ?> last = (Map<?, ?>) Json.parse(lines.get(lines.size() - 1));
            assertEquals("ERROR", last.get("type"), "the stalled watch ends with an error event");
            assertEquals(410, ((Number) ((Map<?, ?>) last.get("object")).get("code")).intValue());
            assertTrue(lines.size() - 1 < writes, "the stalled watch was cut short: " + lines.size());
            Figures.record(
                    "emulator: a watcher that never reads while " + writes + " writes of 16 KiB go on",
                    transport,
                    writes,
                    0,
                    "writers and another watcher unaffected; the stalled watch got " + (lines.size() - 1)
                            + " events, then a 410 ERROR and the end of its stream");
        }
    }
}
