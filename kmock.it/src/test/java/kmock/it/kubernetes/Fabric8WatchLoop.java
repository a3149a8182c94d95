package kmock.it.kubernetes;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;

import kmock.api.Server;
import kmock.handlers.KubernetesEmulator;

/**
 * Measures the time from fabric8's {@code watch()} call to its first event (an existing ConfigMap, delivered as
 * ADDED), per transport: the WebSocket attempt, the fallback to an HTTP watch and the first line. Not a test: run
 * {@code java -cp <kmock.it test class path> kmock.it.kubernetes.Fabric8WatchLoop jdk jetty}.
 */
public final class Fabric8WatchLoop {

    private Fabric8WatchLoop() {}

    @SuppressWarnings("try") // each watch is held open by try until its first event arrives
    public static void main(String[] args) throws Exception {
        for (String transport : args.length == 0 ? new String[] {"jdk", "jetty"} : args) {
            KubernetesEmulator kmock = new KubernetesEmulator();
            kmock.resources().loadBundled();
            kmock.objects().put("v1/configmaps", "default", "present", Map.of("data", Map.of("a", "1")));
            try (Server server = Server.builder(kmock).transport(transport).start();
                    KubernetesClient client = new KubernetesClientBuilder()
                            .withHttpClientFactory(new JdkHttpClientFactory())
                            .withConfig(new ConfigBuilder(Config.empty())
                                    .withMasterUrl(server.url().toString())
                                    .withNamespace("default")
                                    .build())
                            .build()) {
                List<Double> millis = new ArrayList<>();
                for (int i = 0; i < 120; i++) {
                    CountDownLatch first = new CountDownLatch(1);
                    long start = System.nanoTime();
                    try (Watch watch = client.configMaps()
                            .inNamespace("default")
                            .watch(new Watcher<ConfigMap>() {
                                @Override
                                public void eventReceived(Action action, ConfigMap resource) {
                                    first.countDown();
                                }

                                @Override
                                public void onClose(WatcherException cause) {}
                            })) {
                        if (!first.await(10, TimeUnit.SECONDS)) {
                            throw new IllegalStateException("no first event within 10 s on " + transport);
                        }
                        if (i >= 20) {
                            millis.add((System.nanoTime() - start) / 1e6);
                        }
                    }
                }
                Collections.sort(millis);
                System.out.printf(
                        "%s: watch() -> first event p50 %.2f ms, p90 %.2f ms, max %.2f ms (n=%d after 20 warm-up)%n",
                        transport,
                        millis.get(millis.size() / 2),
                        millis.get(millis.size() * 9 / 10),
                        millis.get(millis.size() - 1),
                        millis.size());
            } finally {
                kmock.close();
            }
        }
    }
}
