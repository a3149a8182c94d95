package kmock.test.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Objects;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

import kmock.test.KMockTest;

/** The README's operator test: one annotation and one parameter give the operator a cluster. */
@KMockTest
class GreetingOperatorTest {

    @Test
    void greetsEveryGreeterConfigMap(KubernetesClient client) {
        try (GreetingOperator operator = new GreetingOperator(client)) {
            client.configMaps()
                    .resource(new ConfigMapBuilder()
                            .withNewMetadata()
                            .withName("ann")
                            .addToLabels("app", "greeter")
                            .endMetadata()
                            .addToData("name", "Ann")
                            .build())
                    .create();
            ConfigMap greeting = client.configMaps()
                    .withName("ann-greeting")
                    .waitUntilCondition(Objects::nonNull, 20, TimeUnit.SECONDS);
            assertEquals("Hello, Ann!", greeting.getData().get("greeting"));
        }
    }
}
