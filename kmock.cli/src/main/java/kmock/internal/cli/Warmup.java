package kmock.internal.cli;

import java.time.Duration;
import java.util.Map;

import kmock.api.KStream;
import kmock.handlers.KubernetesScaffold;
import kmock.handlers.RawHandler;

/**
 * The requests of {@code serve --warmup}: what a client's first minutes ask of a server (discovery, a create, a get,
 * a list, a patch, a watch, a delete), so that a class-data sharing archive recorded during the run holds the
 * classes of serving them, not only those of starting.
 */
final class Warmup {

    private static final String CONFIGMAPS = "/api/v1/namespaces/default/configmaps";

    private Warmup() {}

    static void run(RawHandler handler) throws Exception {
        handler.get("/");
        if (!(handler instanceof KubernetesScaffold)) {
            return;
        }
        for (String path : new String[] {"/version", "/api", "/apis", "/api/v1", "/apis/apps/v1"}) {
            handler.get(path);
        }
        handler.post(
                CONFIGMAPS,
                Map.of(
                        "apiVersion",
                        "v1",
                        "kind",
                        "ConfigMap",
                        "metadata",
                        Map.of("name", "kmock-warmup", "labels", Map.of("app", "warmup")),
                        "data",
                        Map.of("k", "v")));
        handler.get(CONFIGMAPS + "/kmock-warmup");
        handler.get(CONFIGMAPS + "?labelSelector=app%3Dwarmup");
        handler.patch(CONFIGMAPS + "/kmock-warmup", Map.of("data", Map.of("k", "w")));
        try (KStream watch = handler.stream("GET", CONFIGMAPS + "?watch=true&resourceVersion=0", null, Map.of())) {
            handler.delete(CONFIGMAPS + "/kmock-warmup");
            watch.readLine(Duration.ofSeconds(5));
        }
    }
}
