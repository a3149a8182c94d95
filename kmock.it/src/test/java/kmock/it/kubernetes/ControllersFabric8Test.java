package kmock.it.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;

import kmock.handlers.Controllers;
import kmock.handlers.KubernetesEmulator;
import kmock.it.transport.BothTransports;
import kmock.test.KMockExtension;

/** fabric8 informers see a rollout on an emulator with controllers as they would see it on a cluster, step by step, in order. */
@BothTransports
class ControllersFabric8Test {

    /** A started emulator per test on the transport under test, closed after it. */
    @RegisterExtension
    final KMockExtension emulator;

    private KubernetesEmulator kmock;
    private KubernetesClient client;
    private final List<SharedIndexInformer<?>> informers = new ArrayList<>();
    private final List<Step> steps = new CopyOnWriteArrayList<>();

    /** One event an informer delivered: the object's resourceVersion, what it was, and what it said then. */
    private record Step(long version, String what) {}

    ControllersFabric8Test(String transport) {
        emulator = KMockExtension.builder()
                .transport(transport)
                .controllers(Controllers.all())
                .build();
    }

    @BeforeEach
    void watchTheWorkloads() {
        kmock = emulator.handler(KubernetesEmulator.class);
        Config config = new ConfigBuilder(Config.empty())
                .withMasterUrl(emulator.server().url().toString())
                .withNamespace("default")
                .withRequestRetryBackoffLimit(0)
                .build();
        client = new KubernetesClientBuilder().withConfig(config).build();
        informers.add(client.apps().deployments().inform(recorder(this::describe)));
        informers.add(client.apps().replicaSets().inform(recorder(this::describe)));
        informers.add(client.pods().inform(recorder(this::describe)));
    }

    @AfterEach
    void stopWatching() {
        informers.forEach(SharedIndexInformer::close);
        client.close();
    }

    private <T extends HasMetadata> ResourceEventHandler<T> recorder(java.util.function.Function<T, String> describe) {
        return new ResourceEventHandler<>() {
            @Override
            public void onAdd(T object) {
                record(object, "added " + describe.apply(object));
            }

            @Override
            public void onUpdate(T old, T object) {
                if (!Objects.equals(
                        old.getMetadata().getResourceVersion(),
                        object.getMetadata().getResourceVersion())) {
                    record(object, describe.apply(object));
                }
            }

            @Override
            public void onDelete(T object, boolean unknownFinalState) {
                record(object, "deleted");
            }
        };
    }

    private void record(HasMetadata object, String state) {
        steps.add(new Step(
                Long.parseLong(object.getMetadata().getResourceVersion()),
                object.getKind() + " " + object.getMetadata().getName() + " " + state));
    }

    private String describe(Deployment deployment) {
        String available =
                deployment.getStatus() == null || deployment.getStatus().getConditions() == null
                        ? "-"
                        : deployment.getStatus().getConditions().stream()
                                .filter(c -> c.getType().equals("Available"))
                                .map(DeploymentCondition::getStatus)
                                .findFirst()
                                .orElse("-");
        return "generation=" + deployment.getMetadata().getGeneration() + " available=" + available;
    }

    private String describe(ReplicaSet rs) {
        return "replicas=" + rs.getSpec().getReplicas() + " ready="
                + (rs.getStatus() == null ? null : rs.getStatus().getReadyReplicas());
    }

    private String describe(Pod pod) {
        boolean ready = pod.getStatus() != null
                && pod.getStatus().getConditions() != null
                && pod.getStatus().getConditions().stream()
                        .anyMatch(c ->
                                c.getType().equals("Ready") && c.getStatus().equals("True"));
        String state = pod.getMetadata().getDeletionTimestamp() != null
                ? "terminating"
                : ready ? "ready" : pod.getSpec().getNodeName() != null ? "bound" : "pending";
        return state + " rs=" + pod.getMetadata().getLabels().get("pod-template-hash");
    }

    private Deployment web(String image) {
        return new DeploymentBuilder()
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
                .withImage(image)
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build();
    }

    private boolean rolledOut(int generation) {
        Deployment deployment = client.apps().deployments().withName("web").get();
        return deployment.getStatus() != null
                && Objects.equals(deployment.getStatus().getObservedGeneration(), (long) generation)
                && Objects.equals(deployment.getStatus().getUpdatedReplicas(), 3)
                && Objects.equals(deployment.getStatus().getReplicas(), 3)
                && Objects.equals(deployment.getStatus().getAvailableReplicas(), 3)
                && steps.stream().anyMatch(s -> s.what()
                        .startsWith("Deployment web generation=" + generation + " available=True"));
    }

    /** The version at which the first step matching a prefix happened. */
    private long first(String prefix) {
        return steps.stream()
                .filter(s -> s.what().startsWith(prefix))
                .mapToLong(Step::version)
                .min()
                .orElseThrow(() -> new AssertionError("no step '" + prefix + "' in " + steps));
    }

    private long last(String prefix) {
        return steps.stream()
                .filter(s -> s.what().startsWith(prefix))
                .mapToLong(Step::version)
                .max()
                .orElseThrow(() -> new AssertionError("no step '" + prefix + "' in " + steps));
    }

    @Test
    void informersSeeTheWholeRolloutInOrder() {
        client.apps().deployments().resource(web("nginx:1.27")).create();
        Await.until("the deployment is available", () -> rolledOut(1));
        String first = client.apps()
                .replicaSets()
                .list()
                .getItems()
                .get(0)
                .getMetadata()
                .getLabels()
                .get("pod-template-hash");

        client.apps().deployments().withName("web").edit(d -> new DeploymentBuilder(d)
                .editSpec()
                .editTemplate()
                .editSpec()
                .editFirstContainer()
                .withImage("nginx:1.28")
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build());
        Await.until("the new template is rolled out", () -> rolledOut(2));
        String second = client.apps().replicaSets().list().getItems().stream()
                .map(rs -> rs.getMetadata().getLabels().get("pod-template-hash"))
                .filter(hash -> !hash.equals(first))
                .findFirst()
                .orElseThrow();
        Await.until(
                "the old pods are gone",
                () -> steps.stream()
                                .filter(s -> s.what().startsWith("Pod web-" + first)
                                        && s.what().endsWith("deleted"))
                                .count()
                        == 3);

        for (String kind : List.of("Deployment", "ReplicaSet", "Pod")) {
            List<Long> seen = steps.stream()
                    .filter(s -> s.what().startsWith(kind + " "))
                    .map(Step::version)
                    .toList();
            assertEquals(seen.stream().sorted().toList(), seen, kind + " events arrive in resourceVersion order");
        }
        assertTrue(
                first("Deployment web added") < first("ReplicaSet web-" + first + " added"),
                "the deployment, then its ReplicaSet");
        assertTrue(
                first("ReplicaSet web-" + first + " added") < first("Pod web-" + first),
                "the ReplicaSet, then its pods");
        List<String> pods = steps.stream()
                .filter(s -> s.what().startsWith("Pod "))
                .map(s -> s.what().split(" ")[1])
                .distinct()
                .toList();
        assertEquals(6, pods.size(), "three pods per template: " + pods);
        for (String name : pods) {
            assertTrue(
                    first("Pod " + name + " added") < first("Pod " + name + " bound"), name + ": created, then bound");
            assertTrue(first("Pod " + name + " bound") < first("Pod " + name + " ready"), name + ": bound, then ready");
        }
        long available = first("Deployment web generation=1 available=True");
        assertEquals(
                3,
                steps.stream()
                        .filter(s -> s.version() < available && s.what().matches("Pod web-" + first + "-\\w+ ready.*"))
                        .map(s -> s.what().split(" ")[1])
                        .distinct()
                        .count(),
                "available once its three pods were ready");
        assertTrue(
                first("ReplicaSet web-" + second + " added") < first("Pod web-" + second),
                "the new ReplicaSet, then its pods");
        long firstNewReady = steps.stream()
                .filter(s -> s.what().matches("Pod web-" + second + "-\\w+ ready.*"))
                .mapToLong(Step::version)
                .min()
                .orElseThrow();
        long firstOldTerminating = steps.stream()
                .filter(s -> s.what().matches("Pod web-" + first + "-\\w+ terminating.*"))
                .mapToLong(Step::version)
                .min()
                .orElseThrow();
        assertTrue(
                firstNewReady < firstOldTerminating,
                "with maxUnavailable 0 an old pod goes only after a new one is ready");
        assertTrue(last("ReplicaSet web-" + first + " replicas=0") > first("ReplicaSet web-" + second + " added"));
    }
}
