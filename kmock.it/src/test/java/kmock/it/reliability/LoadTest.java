package kmock.it.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import kmock.api.KResponse;
import kmock.api.KStream;
import kmock.api.Payload;
import kmock.api.Request;
import kmock.handlers.KubernetesEmulator;
import kmock.handlers.View;
import kmock.it.transport.BothTransports;
import kmock.test.KMockExtension;

/**
 * 32 client threads against one emulator that also has rules and streams: every request is answered correctly and
 * logged exactly once, and every object written is stored.
 */
@BothTransports
class LoadTest {

    private static final int THREADS = 32;
    private static final int ROUNDS = 150;
    private static final String CM = "/api/v1/namespaces/load/configmaps";

    /** A started emulator per test on the transport under test, closed after it. */
    @RegisterExtension
    final KMockExtension emulator;

    /** The transport under test, for the figures. */
    private final String transport;

    private KubernetesEmulator kmock;

    LoadTest(String transport) {
        this.transport = transport;
        emulator = KMockExtension.builder().transport(transport).build();
    }

    @BeforeEach
    void serveTheBundledCatalog() {
        kmock = emulator.handler(KubernetesEmulator.class);
        kmock.resources().loadBundled();
    }

    @Test
    void everyRequestIsAnsweredCorrectlyAndLoggedOnce() throws Exception {
        View echo = kmock.on("get /echo").reply((Function<Request, Object>)
                request -> Map.of("i", request.params().get("i")));
        View stream = kmock.on("get /stream").reply(Payload.stream(Map.of("n", 1), Map.of("n", 2), Map.of("n", 3)));
        ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS, runnable -> new Thread(runnable, "kmock-it-load"));
        List<Future<?>> clients = new ArrayList<>();
        try {
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                clients.add(pool.submit(() -> {
                    go.await();
                    for (int round = 0; round < ROUNDS; round++) {
                        String id = thread + "-" + round;
                        check(wrong, "echo " + id, Map.of("i", id), kmock.get("/echo?i=" + id));
                        try (KStream lines = kmock.stream("GET", "/stream")) {
                            List<String> got = new ArrayList<>();
                            for (String line = lines.readLine(Duration.ofSeconds(30));
                                    line != null;
                                    line = lines.readLine(Duration.ofSeconds(30))) {
                                got.add(line);
                            }
                            if (!got.equals(List.of("{\"n\":1}", "{\"n\":2}", "{\"n\":3}"))) {
                                wrong.add("stream " + id + ": " + got);
                            }
                        }
                        Map<String, Object> object =
                                Map.of("metadata", Map.of("name", "cm-" + id), "data", Map.of("id", id));
                        KResponse created = kmock.post(CM, object);
                        if (created.status() != 201) {
                            wrong.add("create " + id + ": " + created.status() + " " + created.text());
                        }
                        KResponse read = kmock.get(CM + "/cm-" + id);
                        Object data = read.status() == 200 ? ((Map<?, ?>) read.json()).get("data") : read.text();
                        if (!Map.of("id", id).equals(data)) {
                            wrong.add("read " + id + ": " + data);
                        }
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> client : clients) {
                client.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        int each = THREADS * ROUNDS;
        Set<String> echoed = new HashSet<>();
        for (Request request : echo.requests()) {
            echoed.add(request.params().get("i"));
        }
        int lost = wrong.size()
                + (each - echoed.size())
                + Math.abs(each - stream.size())
                + Math.abs(each - kmock.objects().keys().size());
        Figures.record(
                "load: 32 threads x " + ROUNDS + " x (rule, stream, create, read)",
                transport,
                4L * each,
                lost,
                "log holds " + kmock.size() + " requests; "
                        + kmock.objects().keys().size() + " objects stored");
        assertEquals(List.of(), List.copyOf(wrong).subList(0, Math.min(10, wrong.size())));
        assertEquals(each, echo.size(), "every echo logged once");
        assertEquals(each, echoed.size(), "every echo logged under its own id");
        assertEquals(each, stream.size(), "every stream logged once");
        assertEquals(each, kmock.objects().keys().size(), "every create stored");
        assertEquals(4 * each, kmock.size(), "the root log holds every request once");
        assertEquals(List.of(), kmock.errors());
    }

    private static void check(ConcurrentLinkedQueue<String> wrong, String what, Object expected, KResponse response) {
        if (response.status() != 200 || !expected.equals(response.json())) {
            wrong.add(what + ": " + response.status() + " " + response.text());
        }
    }
}
