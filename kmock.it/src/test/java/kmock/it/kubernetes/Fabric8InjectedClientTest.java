package kmock.it.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;

import kmock.handlers.KubernetesEmulator;
import kmock.test.KMockTest;

/** The client that kmock-test injects, with the fabric8 version of this build (7.x here, 8.x in kmock.it.fabric8). */
@KMockTest
class Fabric8InjectedClientTest {

    @Test
    void anInjectedClientWritesListsAndFeedsAnInformer(KubernetesClient client, KubernetesEmulator kmock)
            throws Exception {
        kmock.objects().load("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: preloaded}\ndata: {a: '1'}\n");
        BlockingQueue<String> seen = new LinkedBlockingQueue<>();
        SharedIndexInformer<ConfigMap> informer = client.configMaps().inform(new ResourceEventHandler<>() {
            @Override
            public void onAdd(ConfigMap added) {
                seen.add(added.getMetadata().getName());
            }

            @Override
            public void onUpdate(ConfigMap before, ConfigMap after) {}

            @Override
            public void onDelete(ConfigMap deleted, boolean finalStateUnknown) {}
        });
        try {
            assertEquals("preloaded", seen.poll(30, TimeUnit.SECONDS));
            client.configMaps()
                    .resource(new ConfigMapBuilder()
                            .withNewMetadata()
                            .withName("written")
                            .endMetadata()
                            .addToData("b", "2")
                            .build())
                    .create();
            assertEquals("written", seen.poll(30, TimeUnit.SECONDS));
            assertEquals(
                    List.of("preloaded", "written"),
                    client.configMaps().list().getItems().stream()
                            .map(c -> c.getMetadata().getName())
                            .sorted()
                            .toList());
            assertEquals(
                    Map.of("b", "2"),
                    kmock.objects().get("v1/configmaps", "default", "written").get("data"));
        } finally {
            informer.close();
        }
    }
}
