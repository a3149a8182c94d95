package kmock.handlers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import kmock.api.KResponse;
import kmock.api.Server;

/**
 * A measuring loop, not a test: the write path of a built-in kind over loopback, for BENCHMARKS.md. It prints
 * Deployment creates/s and the p50/p99 of a strategic merge patch that changes one
 * container's image. The source compiles against older trees too, so the same loop measures before and after a
 * change. Arguments: transport, count (default 3000), warm-up creates (default 6000, enough for the JIT to settle).
 */
public final class WritePathLoop {

    private static final String DEPLOYMENTS = "/apis/apps/v1/namespaces/ns/deployments";

    private WritePathLoop() {}

    public static void main(String[] args) {
        String transport = args.length > 0 ? args[0] : "jdk";
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
        int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 6000;
        try (KubernetesEmulator kmock = new KubernetesEmulator();
                Server server = Server.builder(kmock).transport(transport).start()) {
            kmock.resources().loadBundled();
            for (int i = 0; i < warmUp; i++) {
                kmock.post(DEPLOYMENTS, deployment("warm-" + i));
            }
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                expect(201, kmock.post(DEPLOYMENTS, deployment("d-" + i)));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            List<Long> nanos = new ArrayList<>();
            Map<String, String> strategic = Map.of("Content-Type", "application/strategic-merge-patch+json");
            for (int i = 0; i < count; i++) {
                Map<String, Object> patch = Map.of(
                        "spec",
                        Map.of(
                                "template",
                                Map.of(
                                        "spec",
                                        Map.of(
                                                "containers",
                                                List.of(Map.of("name", "app", "image", "nginx:" + (i % 7)))))));
                long t = System.nanoTime();
                KResponse patched = kmock.patch(DEPLOYMENTS + "/d-" + i, patch, strategic);
                nanos.add(System.nanoTime() - t);
                expect(200, patched);
            }
            nanos.sort(null);
            System.out.printf(
                    "%s: %.0f Deployment creates/s; strategic patch p50 %.3f ms, p99 %.3f ms"
                            + " (%d each after %d warm-up creates)%n",
                    transport,
                    count / seconds,
                    nanos.get(nanos.size() / 2) / 1e6,
                    nanos.get(nanos.size() * 99 / 100) / 1e6,
                    count,
                    warmUp);
        }
    }

    private static void expect(int status, KResponse response) {
        if (response.status() != status) {
            throw new IllegalStateException(response.text());
        }
    }

    /** Two containers with ports and env, as a typical manifest has them. */
    private static Map<String, Object> deployment(String name) {
        Map<String, Object> app = Map.of(
                "name",
                "app",
                "image",
                "nginx:1.27",
                "ports",
                List.of(Map.of("containerPort", 80)),
                "env",
                List.of(Map.of("name", "A", "value", "1"), Map.of("name", "B", "value", "2")));
        Map<String, Object> sidecar = Map.of("name", "sidecar", "image", "busybox:1.36");
        return Map.of(
                "apiVersion",
                "apps/v1",
                "kind",
                "Deployment",
                "metadata",
                Map.of("name", name, "labels", Map.of("app", name)),
                "spec",
                Map.of(
                        "replicas",
                        2,
                        "selector",
                        Map.of("matchLabels", Map.of("app", name)),
                        "template",
                        Map.of(
                                "metadata",
                                Map.of("labels", Map.of("app", name)),
                                "spec",
                                Map.of("containers", List.of(app, sidecar)))));
    }
}
