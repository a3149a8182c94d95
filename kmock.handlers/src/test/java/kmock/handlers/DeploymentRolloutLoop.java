package kmock.handlers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import kmock.api.KStream;
import kmock.api.Server;

/**
 * A measuring loop, not a test: with every controller on and no delays, the time from creating a Deployment of 3
 * replicas over HTTP to its watch event with {@code Available=True} (controllers in the background, as
 * {@code serve --controllers} runs them) and to the return of {@code settle()} (controllers on the caller's thread),
 * then the cost of settling 100 such Deployments at once. Each figure is taken in several fresh emulators after a
 * discarded warm-up run, and printed as min/median/max. Argument: the transport.
 */
public final class DeploymentRolloutLoop {

    private static final int RUNS = 5;
    private static final int PER_RUN = 20;
    private static final String AVAILABLE = "\"type\":\"Available\",\"status\":\"True\"";

    private DeploymentRolloutLoop() {}

    public static void main(String[] args) {
        String transport = args.length > 0 ? args[0] : "jdk";
        List<Long> background = new ArrayList<>();
        List<Long> settled = new ArrayList<>();
        List<Long> hundred = new ArrayList<>();
        int objects = 0;
        for (int run = 0; run <= RUNS; run++) {
            boolean counted = run > 0;
            untilAvailable(transport, counted ? background : new ArrayList<>());
            untilSettled(transport, counted ? settled : new ArrayList<>());
            objects = hundredSettled(transport, counted ? hundred : new ArrayList<>());
        }
        print(transport + ": create deployment (3 replicas) -> Available watch event, background", background);
        print(transport + ": create deployment (3 replicas) + settle()", settled);
        print(transport + ": 100 deployments created, then settle() (" + objects + " objects)", hundred);
    }

    private static void untilAvailable(String transport, List<Long> nanos) {
        try (KubernetesEmulator kmock = KubernetesEmulator.builder()
                        .controllers(Controllers.all())
                        .build();
                Server server = Server.builder(kmock).transport(transport).start()) {
            for (int i = 0; i < PER_RUN; i++) {
                String name = "web-" + i;
                try (KStream watch = kmock.stream(
                        "GET",
                        "/apis/apps/v1/namespaces/default/deployments?watch=true" + "&fieldSelector=metadata.name%3D"
                                + name)) {
                    long start = System.nanoTime();
                    kmock.post("/apis/apps/v1/namespaces/default/deployments", Manifests.deployment(name, 3, "nginx"));
                    String line = watch.readLine(Duration.ofSeconds(30));
                    while (line != null && !line.contains(AVAILABLE)) {
                        line = watch.readLine(Duration.ofSeconds(30));
                    }
                    if (line == null) {
                        throw new IllegalStateException(name + " never became Available within 30 s");
                    }
                    nanos.add(System.nanoTime() - start);
                }
            }
        }
    }

    private static void untilSettled(String transport, List<Long> nanos) {
        try (KubernetesEmulator kmock = KubernetesEmulator.builder()
                        .controllers(Controllers.all().background(false))
                        .build();
                Server server = Server.builder(kmock).transport(transport).start()) {
            for (int i = 0; i < PER_RUN; i++) {
                long start = System.nanoTime();
                kmock.post(
                        "/apis/apps/v1/namespaces/default/deployments", Manifests.deployment("web-" + i, 3, "nginx"));
                kmock.settle();
                nanos.add(System.nanoTime() - start);
            }
        }
    }

    private static int hundredSettled(String transport, List<Long> nanos) {
        try (KubernetesEmulator kmock = KubernetesEmulator.builder()
                        .controllers(Controllers.all().background(false))
                        .build();
                Server server = Server.builder(kmock).transport(transport).start()) {
            for (int i = 0; i < 100; i++) {
                kmock.post(
                        "/apis/apps/v1/namespaces/default/deployments", Manifests.deployment("web-" + i, 3, "nginx"));
            }
            long start = System.nanoTime();
            kmock.settle();
            nanos.add(System.nanoTime() - start);
            return kmock.objects().size();
        }
    }

    private static void print(String what, List<Long> nanos) {
        nanos.sort(null);
        System.out.printf(
                "%s: min %.1f ms, median %.1f ms, max %.1f ms (%d samples)%n",
                what,
                nanos.get(0) / 1e6,
                nanos.get(nanos.size() / 2) / 1e6,
                nanos.get(nanos.size() - 1) / 1e6,
                nanos.size());
    }
}
