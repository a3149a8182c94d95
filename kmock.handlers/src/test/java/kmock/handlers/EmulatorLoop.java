package kmock.handlers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import kmock.api.KStream;
import kmock.api.Server;

/**
 * A measuring loop, not a test: creates/s of 10,000 ConfigMaps over loopback, the time to list them, and the
 * latency from a write to 1 and 100 watchers receiving its event (p50/p99). Argument: the transport.
 */
public final class EmulatorLoop {

    private EmulatorLoop() {}

    public static void main(String[] args) {
        String transport = args.length > 0 ? args[0] : "jdk";
        try (KubernetesEmulator kmock = new KubernetesEmulator();
                Server server = Server.builder(kmock).transport(transport).start()) {
            kmock.resources().loadBundled();
            long start = System.nanoTime();
            for (int i = 0; i < 10_000; i++) {
                kmock.post(
                        "/api/v1/namespaces/ns/configmaps",
                        Map.of("metadata", Map.of("name", "cm-" + i), "data", Map.of("k", "v")));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long[] lists = new long[5];
            for (int i = 0; i < lists.length; i++) {
                long t = System.nanoTime();
                kmock.get("/api/v1/namespaces/ns/configmaps");
                lists[i] = System.nanoTime() - t;
            }
            Arrays.sort(lists);
            System.out.printf(
                    "%s: %.0f creates/s; list of 10,000: median %.1f ms%n",
                    transport, 10_000 / seconds, lists[2] / 1e6);
            for (int watchers : new int[] {1, 100}) {
                latency(kmock, transport, watchers);
            }
        }
    }

    private static void latency(KubernetesEmulator kmock, String transport, int count) {
        List<KStream> watches = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            watches.add(kmock.stream("GET", "/api/v1/namespaces/w/configmaps?watch=true"));
        }
        List<Long> nanos = new ArrayList<>();
        for (int round = 0; round < 50; round++) {
            long t = System.nanoTime();
            kmock.post(
                    "/api/v1/namespaces/w/configmaps", Map.of("metadata", Map.of("name", "w-" + count + "-" + round)));
            for (KStream watch : watches) {
                watch.readLine(Duration.ofSeconds(10));
                nanos.add(System.nanoTime() - t);
            }
        }
        watches.forEach(KStream::close);
        nanos.sort(null);
        System.out.printf(
                "%s: write -> event with %d watcher(s): p50 %.2f ms, p99 %.2f ms%n",
                transport, count, nanos.get(nanos.size() / 2) / 1e6, nanos.get(nanos.size() * 99 / 100) / 1e6);
    }
}
