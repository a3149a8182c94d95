package kmock.handlers;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import kmock.api.KResponse;
import kmock.api.Server;

/**
 * A measuring loop, not a test: the cost of a server-side table (what {@code kubectl get pods} asks for) against the
 * plain JSON list, for 1,000 pods shaped as a cluster stores them, over loopback. Prints the median and p90 of each
 * and the body sizes. Argument: the transport.
 */
public final class TableListLoop {

    private static final String PODS = "/api/v1/namespaces/ns/pods";
    private static final Map<String, String> TABLE = Map.of(
            "Accept",
            "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json");
    private static final Map<String, String> JSON = Map.of("Accept", "application/json");

    private TableListLoop() {}

    public static void main(String[] args) {
        String transport = args.length > 0 ? args[0] : "jdk";
        try (KubernetesEmulator kmock = new KubernetesEmulator();
                Server server = Server.builder(kmock).transport(transport).start()) {
            kmock.resources().loadBundled();
            for (int i = 0; i < 1_000; i++) {
                kmock.objects().put("v1/pods", "ns", "web-" + i, pod(i));
            }
            for (int i = 0; i < 50; i++) { // warm-up of both paths
                kmock.get(PODS, JSON);
                kmock.get(PODS, TABLE);
            }
            int rounds = 200;
            long[] json = new long[rounds];
            long[] table = new long[rounds];
            int jsonBytes = 0;
            int tableBytes = 0;
            for (int i = 0; i < rounds; i++) {
                long t = System.nanoTime();
                KResponse plain = kmock.get(PODS, JSON);
                json[i] = System.nanoTime() - t;
                t = System.nanoTime();
                KResponse printed = kmock.get(PODS, TABLE);
                table[i] = System.nanoTime() - t;
                jsonBytes = plain.body().length;
                tableBytes = printed.body().length;
            }
            Arrays.sort(json);
            Arrays.sort(table);
            System.out.printf(
                    "%s: list of 1,000 pods: JSON median %.1f ms (p90 %.1f), %d KB; Table median %.1f ms (p90 %.1f), %d KB%n",
                    transport,
                    json[rounds / 2] / 1e6,
                    json[rounds * 9 / 10] / 1e6,
                    jsonBytes / 1024,
                    table[rounds / 2] / 1e6,
                    table[rounds * 9 / 10] / 1e6,
                    tableBytes / 1024);
        }
    }

    private static Map<String, Object> pod(int i) {
        return Map.of(
                "metadata",
                        Map.of(
                                "labels",
                                Map.of("app", "web", "pod-template-hash", "5d8f"),
                                "ownerReferences",
                                List.of(Map.of(
                                        "apiVersion",
                                        "apps/v1",
                                        "kind",
                                        "ReplicaSet",
                                        "name",
                                        "web-5d8f",
                                        "uid",
                                        "d9607e19-f88f-11e6-a518-42010a800195",
                                        "controller",
                                        true))),
                "spec",
                        Map.of(
                                "nodeName",
                                "node-" + i % 3,
                                "restartPolicy",
                                "Always",
                                "serviceAccountName",
                                "default",
                                "containers",
                                List.of(Map.of(
                                        "name",
                                        "web",
                                        "image",
                                        "nginx:1.27",
                                        "ports",
                                        List.of(Map.of("containerPort", 80, "protocol", "TCP")),
                                        "resources",
                                        Map.of("requests", Map.of("cpu", "100m", "memory", "64Mi"))))),
                "status",
                        Map.of(
                                "phase",
                                "Running",
                                "podIP",
                                "10.244." + i / 250 + "." + i % 250,
                                "podIPs",
                                List.of(Map.of("ip", "10.244." + i / 250 + "." + i % 250)),
                                "conditions",
                                List.of(Map.of("type", "Ready", "status", "True")),
                                "containerStatuses",
                                List.of(Map.of(
                                        "name",
                                        "web",
                                        "ready",
                                        true,
                                        "restartCount",
                                        0,
                                        "image",
                                        "nginx:1.27",
                                        "state",
                                        Map.of("running", Map.of("startedAt", "2024-01-01T00:00:00Z"))))));
    }
}
