package kmock.internal.protobuf;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;

/**
 * Measures the decode time of a Deployment body like {@code kubectl create deployment web --image=nginx:1.27
 * --replicas=3} sends. Not a test: run {@code java -cp <test class path> kmock.internal.protobuf.DecodeLoop}.
 */
public final class DecodeLoop {

    private DecodeLoop() {
    }

    public static void main(String[] args) {
        KubernetesTypes types = KubernetesTypes.bundled();
        Descriptor deployment = types.find("apps/v1", "Deployment");
        byte[] body = body(types, deployment);
        ProtobufDecoder decoder = new ProtobufDecoder();
        for (int i = 0; i < 20_000; i++) {
            decoder.decode(body);
        }
        int runs = 20_000;
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            decoder.decode(body);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("Deployment body of %d bytes: decode p50 %.1f us, p99 %.1f us (%d runs after 20,000 warm-up)%n",
                body.length, nanos[runs / 2] / 1e3, nanos[runs * 99 / 100] / 1e3, runs);
    }

    private static byte[] body(KubernetesTypes types, Descriptor deployment) {
        Descriptor meta = deployment.findFieldByName("metadata").getMessageType();
        Descriptor spec = deployment.findFieldByName("spec").getMessageType();
        Descriptor selector = spec.findFieldByName("selector").getMessageType();
        Descriptor template = spec.findFieldByName("template").getMessageType();
        Descriptor podSpec = template.findFieldByName("spec").getMessageType();
        Descriptor container = podSpec.findFieldByName("containers").getMessageType();
        Descriptor labels = meta.findFieldByName("labels").getMessageType();
        DynamicMessage label = DynamicMessage.newBuilder(labels).setField(labels.findFieldByName("key"), "app")
                .setField(labels.findFieldByName("value"), "web").build();
        DynamicMessage metadata = DynamicMessage.newBuilder(meta).setField(meta.findFieldByName("name"), "web")
                .addRepeatedField(meta.findFieldByName("labels"), label)
                .setField(meta.findFieldByName("creationTimestamp"),
                        DynamicMessage.newBuilder(meta.findFieldByName("creationTimestamp").getMessageType()).build()).build();
        Descriptor matchLabels = selector.findFieldByName("matchLabels").getMessageType();
        DynamicMessage object = DynamicMessage.newBuilder(deployment)
                .setField(deployment.findFieldByName("metadata"), metadata)
                .setField(deployment.findFieldByName("spec"), DynamicMessage.newBuilder(spec)
                        .setField(spec.findFieldByName("replicas"), 3)
                        .setField(spec.findFieldByName("selector"), DynamicMessage.newBuilder(selector)
                                .addRepeatedField(selector.findFieldByName("matchLabels"), DynamicMessage.newBuilder(matchLabels)
                                        .setField(matchLabels.findFieldByName("key"), "app")
                                        .setField(matchLabels.findFieldByName("value"), "web").build()).build())
                        .setField(spec.findFieldByName("template"), DynamicMessage.newBuilder(template)
                                .setField(template.findFieldByName("metadata"), metadata)
                                .setField(template.findFieldByName("spec"), DynamicMessage.newBuilder(podSpec)
                                        .addRepeatedField(podSpec.findFieldByName("containers"), DynamicMessage.newBuilder(container)
                                                .setField(container.findFieldByName("name"), "nginx")
                                                .setField(container.findFieldByName("image"), "nginx:1.27").build())
                                        .build()).build()).build())
                .setField(deployment.findFieldByName("status"),
                        DynamicMessage.newBuilder(deployment.findFieldByName("status").getMessageType()).build())
                .build();
        Descriptor unknown = types.message("k8s.io.apimachinery.pkg.runtime.Unknown");
        Descriptor typeMeta = unknown.findFieldByName("typeMeta").getMessageType();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {'k', '8', 's', 0});
        out.writeBytes(DynamicMessage.newBuilder(unknown)
                .setField(unknown.findFieldByName("typeMeta"), DynamicMessage.newBuilder(typeMeta)
                        .setField(typeMeta.findFieldByName("apiVersion"), "apps/v1")
                        .setField(typeMeta.findFieldByName("kind"), "Deployment").build())
                .setField(unknown.findFieldByName("raw"), object.toByteString()).build().toByteArray());
        return out.toByteArray();
    }
}
