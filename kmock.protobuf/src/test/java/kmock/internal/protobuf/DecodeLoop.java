package kmock.internal.protobuf;

import java.util.Arrays;

import io.kubernetes.client.proto.Meta.LabelSelector;
import io.kubernetes.client.proto.Meta.ObjectMeta;
import io.kubernetes.client.proto.Meta.Time;
import io.kubernetes.client.proto.V1;
import io.kubernetes.client.proto.V1Apps;

/**
 * A measuring loop, not a test: the time of the first decode (which reads the descriptors and the Go shapes) and
 * p50/p90/p99 of decoding the Deployment body of {@code kubectl create deployment web --image=nginx:1.27
 * --replicas=2}, written field for field as Go writes it. Argument: the number of timed decodes (default 20,000).
 */
public final class DecodeLoop {

    private DecodeLoop() {}

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        byte[] body = KubernetesProtobufDecoderTest.body("apps/v1", "Deployment", deployment());
        KubernetesProtobufDecoder decoder = new KubernetesProtobufDecoder();
        long first = System.nanoTime();
        decoder.decode(body);
        double firstMs = (System.nanoTime() - first) / 1e6;
        for (int i = 0; i < rounds; i++) {
            decoder.decode(body);
        }
        long[] times = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            decoder.decode(body);
            times[i] = System.nanoTime() - start;
        }
        Arrays.sort(times);
        System.out.printf(
                "Deployment body of %d bytes: first decode %.1f ms (loads descriptors and shapes); "
                        + "then over %d decodes after %d warm-up: p50 %.1f µs, p90 %.1f µs, p99 %.1f µs%n",
                body.length,
                firstMs,
                rounds,
                rounds,
                times[rounds / 2] / 1e3,
                times[rounds * 9 / 10] / 1e3,
                times[rounds * 99 / 100] / 1e3);
    }

    private static V1Apps.Deployment deployment() {
        return V1Apps.Deployment.newBuilder()
                .setMetadata(objectMeta("web").putLabels("app", "web"))
                .setSpec(V1Apps.DeploymentSpec.newBuilder()
                        .setReplicas(2)
                        .setSelector(LabelSelector.newBuilder().putMatchLabels("app", "web"))
                        .setTemplate(V1.PodTemplateSpec.newBuilder()
                                .setMetadata(objectMeta("").putLabels("app", "web"))
                                .setSpec(V1.PodSpec.newBuilder()
                                        .addContainers(V1.Container.newBuilder()
                                                .setName("nginx")
                                                .setImage("nginx:1.27")
                                                .setResources(V1.ResourceRequirements.getDefaultInstance())
                                                .setWorkingDir("")
                                                .setTerminationMessagePath("")
                                                .setImagePullPolicy("")
                                                .setStdin(false)
                                                .setStdinOnce(false)
                                                .setTty(false))
                                        .setRestartPolicy("")
                                        .setDnsPolicy("")
                                        .setServiceAccountName("")
                                        .setServiceAccount("")
                                        .setNodeName("")
                                        .setHostNetwork(false)
                                        .setHostPID(false)
                                        .setHostIPC(false)
                                        .setHostname("")
                                        .setSubdomain("")
                                        .setSchedulerName("")
                                        .setPriorityClassName("")))
                        .setStrategy(V1Apps.DeploymentStrategy.newBuilder().setType(""))
                        .setMinReadySeconds(0)
                        .setPaused(false))
                .setStatus(V1Apps.DeploymentStatus.newBuilder()
                        .setObservedGeneration(0)
                        .setReplicas(0)
                        .setUpdatedReplicas(0)
                        .setReadyReplicas(0)
                        .setAvailableReplicas(0)
                        .setUnavailableReplicas(0))
                .build();
    }

    private static ObjectMeta.Builder objectMeta(String name) {
        return ObjectMeta.newBuilder()
                .setName(name)
                .setGenerateName("")
                .setNamespace("")
                .setSelfLink("")
                .setUid("")
                .setResourceVersion("")
                .setGeneration(0)
                .setCreationTimestamp(Time.getDefaultInstance());
    }
}
