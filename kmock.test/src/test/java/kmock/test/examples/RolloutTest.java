package kmock.test.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

import kmock.handlers.KubernetesEmulator;
import kmock.test.KMock;
import kmock.test.KMockTest;

/** The README's "A cluster that moves" test: with controllers, a Deployment rolls out, and settle() waits for it. */
@KMockTest
@KMock(controllers = "*")
class RolloutTest {

    @Test
    void theDeploymentBecomesAvailable(KubernetesEmulator kmock, KubernetesClient client) {
        client.apps()
                .deployments()
                .resource(new DeploymentBuilder()
                        .withNewMetadata()
                        .withName("web")
                        .endMetadata()
                        .withNewSpec()
                        .withReplicas(3)
                        .withNewSelector()
                        .addToMatchLabels("app", "web")
                        .endSelector()
                        .withNewTemplate()
                        .withNewMetadata()
                        .addToLabels("app", "web")
                        .endMetadata()
                        .withNewSpec()
                        .addNewContainer()
                        .withName("web")
                        .withImage("nginx:1.27")
                        .endContainer()
                        .endSpec()
                        .endTemplate()
                        .endSpec()
                        .build())
                .create();

        kmock.settle();

        Deployment web = client.apps().deployments().withName("web").get();
        assertEquals(3, web.getStatus().getAvailableReplicas());
        assertEquals(
                3,
                client.pods().list().getItems().stream()
                        .filter(pod -> "Running".equals(pod.getStatus().getPhase()))
                        .count());
    }
}
