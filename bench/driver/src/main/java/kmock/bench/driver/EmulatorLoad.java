package kmock.bench.driver;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The same Kubernetes requests for every emulator, from one JDK HttpClient: sequential ConfigMap creates, lists,
 * and watches (chunked HTTP where the emulator serves it; WebSocket for fabric8's CRUD mode, which serves watches
 * only that way), with the time from a write's request to each watcher's event.
 */
final class EmulatorLoad implements AutoCloseable {

    private static final Pattern NAME = Pattern.compile("\"name\":\"(w-[0-9]+)\"");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String base;
    private final boolean webSocketWatches;
    private final List<AutoCloseable> open = new ArrayList<>();

    EmulatorLoad(int port, boolean webSocketWatches) {
        this.base = "http://127.0.0.1:" + port;
        this.webSocketWatches = webSocketWatches;
    }

    /** The body of one ConfigMap, about the size of a small real one. */
    static String configMap(String name) {
        return configMap(name, false);
    }

    /** The same, with the label {@code tier: gold} besides {@code app: bench} when {@code gold}. */
    static String configMap(String name, boolean gold) {
        return "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"" + name + "\",\"labels\":{\"app\":\"bench\""
                + (gold ? ",\"tier\":\"gold\"" : "") + "}},"
                + "\"data\":{\"greeting\":\"hello\",\"config.yaml\":\"" + "x".repeat(100) + "\"}}";
    }

    /**
     * Creates {@code count} ConfigMaps from {@code clients} threads at once, every {@code goldEvery}-th labelled
     * {@code tier: gold}; returns creates per second.
     */
    double createsAtOnce(String namespace, int count, int clients, int goldEvery) throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(clients);
        try {
            long start = System.nanoTime();
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int first = c;
                done.add(pool.submit(() -> {
                    for (int i = first; i < count; i += clients) {
                        post(namespace, "cm-" + i, i % goldEvery == 0);
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> future : done) {
                future.get();
            }
            return count / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The body of a list of a namespace, as it came. */
    byte[] listBody(String namespace) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/namespaces/" + namespace + "/configmaps")).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body();
    }

    /** Lists a namespace with a label selector; returns the time in milliseconds, failing unless exactly {@code expected} came. */
    double listSelected(String namespace, String selector, int expected) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/namespaces/" + namespace
                + "/configmaps?labelSelector=" + java.net.URLEncoder.encode(selector, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        double millis = (System.nanoTime() - start) / 1e6;
        int items = response.body().split("\"kind\":\"ConfigMap\"", -1).length - 1;
        if (response.statusCode() != 200 || items != expected) {
            throw new IllegalStateException("selected list answered " + response.statusCode() + " with " + items + " of " + expected + " items");
        }
        return millis;
    }

    /** Creates {@code count} ConfigMaps one after another; returns creates per second. */
    double creates(String namespace, int count) throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            post(namespace, "cm-" + i);
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }

    /** Lists a namespace; returns the time in milliseconds, failing unless every object is there. */
    double list(String namespace, int expected) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/namespaces/" + namespace
                + "/configmaps")).build(), HttpResponse.BodyHandlers.ofString());
        double millis = (System.nanoTime() - start) / 1e6;
        int items = response.body().split("\"kind\":\"ConfigMap\"", -1).length - 1;
        if (response.statusCode() != 200 || items < expected) {
            throw new IllegalStateException("list answered " + response.statusCode() + " with " + items + " of " + expected + " items");
        }
        return millis;
    }

    /**
     * Opens {@code watchers} watches of a namespace, then writes {@code writes} ConfigMaps there one by one, each
     * once every watcher saw the previous; returns every write-to-event latency in milliseconds.
     */
    List<Double> watchLatencies(String namespace, int watchers, int writes) throws Exception {
        return watchLatencies(namespace, watchers, writes, false);
    }

    /**
     * As {@link #watchLatencies(String, int, int)} with the watchers open already; with {@code lastOnly}, one latency
     * per write: to the last watcher that saw it.
     */
    List<Double> watchLatencies(String namespace, int watchers, int writes, boolean lastOnly) throws Exception {
        Map<String, CountDownLatch> pending = new ConcurrentHashMap<>();
        Map<String, Long> written = new ConcurrentHashMap<>();
        Map<String, Long> lastSeen = new ConcurrentHashMap<>();
        List<Double> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        Consumer<String> onText = text -> {
            long now = System.nanoTime();
            Matcher name = NAME.matcher(text);
            while (name.find()) {
                Long at = written.get(name.group(1));
                CountDownLatch latch = pending.get(name.group(1));
                if (at != null && latch != null) {
                    if (!lastOnly) {
                        latencies.add((now - at) / 1e6);
                    }
                    lastSeen.merge(name.group(1), now, Math::max);
                    latch.countDown();
                }
            }
        };
        openWatchers(namespace, watchers, onText);
        for (int i = 0; i < writes; i++) {
            String name = "w-" + i;
            CountDownLatch latch = new CountDownLatch(watchers);
            pending.put(name, latch);
            written.put(name, System.nanoTime());
            post(namespace, name);
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException(latch.getCount() + " of " + watchers + " watchers missed " + name);
            }
            if (lastOnly) {
                latencies.add((lastSeen.get(name) - written.get(name)) / 1e6);
            }
        }
        return latencies;
    }

    /** Opens watchers and returns once each is established. */
    void openWatchers(String namespace, int watchers, Consumer<String> onText) throws Exception {
        String path = "/api/v1/namespaces/" + namespace + "/configmaps?watch=true";
        for (int i = 0; i < watchers; i++) {
            if (webSocketWatches) {
                WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(base.replace("http:", "ws:") + path),
                        new WebSocket.Listener() {
                            private final StringBuilder message = new StringBuilder();

                            @Override
                            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                                message.append(data);
                                if (last) {
                                    onText.accept(message.toString());
                                    message.setLength(0);
                                }
                                webSocket.request(1);
                                return null;
                            }
                        }).get(30, TimeUnit.SECONDS);
                open.add(() -> socket.abort());
            } else {
                CountDownLatch established = new CountDownLatch(1);
                var future = http.sendAsync(HttpRequest.newBuilder(URI.create(base + path)).build(),
                        HttpResponse.BodyHandlers.fromLineSubscriber(new Flow.Subscriber<String>() {
                            @Override
                            public void onSubscribe(Flow.Subscription subscription) {
                                established.countDown();
                                subscription.request(Long.MAX_VALUE);
                            }

                            @Override
                            public void onNext(String line) {
                                onText.accept(line);
                            }

                            @Override
                            public void onError(Throwable throwable) {
                            }

                            @Override
                            public void onComplete() {
                            }
                        }));
                if (!established.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("a watch was not established");
                }
                open.add(() -> future.cancel(true));
            }
        }
    }

    /** Closes the watchers opened so far. */
    void closeWatchers() throws Exception {
        for (AutoCloseable watcher : open) {
            watcher.close();
        }
        open.clear();
    }

    private void post(String namespace, String name) throws Exception {
        post(namespace, name, false);
    }

    /**
     * Creates one ConfigMap. A connection that fails before any response byte is told apart by reading the object
     * back: absent, the request never reached the store (a keep-alive connection closing under the client) and is
     * sent again; present, the server stored it and lost its response, which fails the figure.
     */
    private void post(String namespace, String name, boolean gold) throws Exception {
        try {
            create(namespace, name, gold);
        } catch (java.io.IOException e) {
            if (e instanceof java.net.http.HttpTimeoutException) {
                throw e;
            }
            int status = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/namespaces/" + namespace + "/configmaps/" + name)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status != 404) {
                throw new IllegalStateException("create " + name + " failed with " + e + ", yet reading it back answered " + status, e);
            }
            System.err.println("[bench] create " + name + " sent again: its connection failed before the server read it (" + e + ")");
            create(namespace, name, gold);
        }
    }

    private void create(String namespace, String name, boolean gold) throws Exception {
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/namespaces/" + namespace
                + "/configmaps")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(configMap(name, gold), StandardCharsets.UTF_8)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() != 201 && response.statusCode() != 200) {
            throw new IllegalStateException("create " + name + " answered " + response.statusCode());
        }
    }

    @Override
    public void close() throws Exception {
        closeWatchers();
    }
}
