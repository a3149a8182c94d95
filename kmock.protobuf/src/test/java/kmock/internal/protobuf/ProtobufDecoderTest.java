package kmock.internal.protobuf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;

/** The envelope, the type lookup and the Go-faithful JSON of the apimachinery types. */
class ProtobufDecoderTest {

    private static final KubernetesTypes TYPES = KubernetesTypes.bundled();
    private final ProtobufDecoder decoder = new ProtobufDecoder();

    private static DynamicMessage.Builder builder(Descriptor type) {
        return DynamicMessage.newBuilder(type);
    }

    private static Descriptor fieldType(Descriptor owner, String field) {
        return owner.findFieldByName(field).getMessageType();
    }

    private static DynamicMessage.Builder set(DynamicMessage.Builder builder, String field, Object value) {
        return builder.setField(builder.getDescriptorForType().findFieldByName(field), value);
    }

    private static DynamicMessage entry(Descriptor owner, String mapField, String key, Object value) {
        Descriptor entry = fieldType(owner, mapField);
        return set(set(builder(entry), "key", key), "value", value).build();
    }

    private static byte[] envelope(String apiVersion, String kind, Message object) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {'k', '8', 's', 0});
        Descriptor unknown = TYPES.message("k8s.io.apimachinery.pkg.runtime.Unknown");
        DynamicMessage typeMeta = set(set(builder(fieldType(unknown, "typeMeta")), "apiVersion", apiVersion), "kind", kind).build();
        body.writeBytes(set(set(builder(unknown), "typeMeta", typeMeta), "raw", object.toByteString()).build().toByteArray());
        return body.toByteArray();
    }

    @Test
    void aConfigMapBecomesItsJsonWithKindAndApiVersion() {
        Descriptor configMap = TYPES.find("v1", "ConfigMap");
        Descriptor meta = fieldType(configMap, "metadata");
        DynamicMessage object = builder(configMap)
                .setField(configMap.findFieldByName("metadata"), set(set(builder(meta), "name", "cfg"), "namespace", "").build())
                .addRepeatedField(configMap.findFieldByName("data"), entry(configMap, "data", "a", "1"))
                .addRepeatedField(configMap.findFieldByName("data"), entry(configMap, "data", "b", "two"))
                .build();
        Map<?, ?> json = (Map<?, ?>) decoder.decode(envelope("v1", "ConfigMap", object));
        assertEquals(Map.of("kind", "ConfigMap", "apiVersion", "v1", "metadata", Map.of("name", "cfg"),
                "data", Map.of("a", "1", "b", "two")), json, "an empty string on the wire is omitted, as omitempty does");
        assertEquals(List.of("kind", "apiVersion", "metadata", "data"), List.copyOf(json.keySet()));
    }

    @Test
    void bytesAreBase64AsGoWritesThem() {
        Descriptor secret = TYPES.find("v1", "Secret");
        DynamicMessage object = builder(secret).addRepeatedField(secret.findFieldByName("data"),
                entry(secret, "data", "user", ByteString.copyFromUtf8("admin"))).build();
        Map<?, ?> data = (Map<?, ?>) ((Map<?, ?>) decoder.decode(envelope("v1", "Secret", object))).get("data");
        assertEquals(Base64.getEncoder().encodeToString("admin".getBytes(StandardCharsets.UTF_8)), data.get("user"));
    }

    @Test
    void timesAreRfc3339AndAZeroTimeIsNull() {
        Descriptor time = TYPES.message("k8s.io.apimachinery.pkg.apis.meta.v1.Time");
        assertEquals("2023-11-14T22:13:20Z", KubernetesJson.value(set(builder(time), "seconds", 1_700_000_000L).build()));
        assertEquals(null, KubernetesJson.value(builder(time).build()));
        Descriptor micro = TYPES.message("k8s.io.apimachinery.pkg.apis.meta.v1.MicroTime");
        assertEquals("2023-11-14T22:13:20.123456Z", KubernetesJson.value(
                set(set(builder(micro), "seconds", 1_700_000_000L), "nanos", 123_456_000).build()));
    }

    @Test
    void aMessageOnTheWireStaysEvenEmptyAsGoNeverOmitsAStruct() {
        Descriptor deployment = TYPES.find("apps/v1", "Deployment");
        Descriptor meta = fieldType(deployment, "metadata");
        DynamicMessage object = builder(deployment)
                .setField(deployment.findFieldByName("metadata"), builder(meta)
                        .setField(meta.findFieldByName("creationTimestamp"), builder(fieldType(meta, "creationTimestamp")).build()).build())
                .setField(deployment.findFieldByName("status"), builder(fieldType(deployment, "status")).build())
                .build();
        Map<?, ?> json = (Map<?, ?>) decoder.decode(envelope("apps/v1", "Deployment", object));
        assertEquals(Map.of(), json.get("status"));
        assertTrue(((Map<?, ?>) json.get("metadata")).containsKey("creationTimestamp"));
        assertEquals(null, ((Map<?, ?>) json.get("metadata")).get("creationTimestamp"));
        assertFalse(json.containsKey("spec"), "a message absent from the wire is absent from the JSON");
    }

    @Test
    void quantitiesAreStringsInMaps() {
        Descriptor requirements = TYPES.message("k8s.io.api.core.v1.ResourceRequirements");
        Descriptor quantity = TYPES.message("k8s.io.apimachinery.pkg.api.resource.Quantity");
        DynamicMessage limits = builder(requirements).addRepeatedField(requirements.findFieldByName("limits"),
                entry(requirements, "limits", "cpu", set(builder(quantity), "string", "500m").build())).build();
        assertEquals(Map.of("limits", Map.of("cpu", "500m")), KubernetesJson.value(limits));
    }

    @Test
    void intOrStringIsANumberOrAString() {
        Descriptor intOrString = TYPES.message("k8s.io.apimachinery.pkg.util.intstr.IntOrString");
        assertEquals(8080, KubernetesJson.value(set(set(builder(intOrString), "type", 0L), "intVal", 8080).build()));
        assertEquals("http", KubernetesJson.value(set(set(builder(intOrString), "type", 1L), "strVal", "http").build()));
    }

    @Test
    void rawExtensionsAreTheirJson() {
        Descriptor raw = TYPES.message("k8s.io.apimachinery.pkg.runtime.RawExtension");
        assertEquals(Map.of("a", 1, "b", List.of(true)), KubernetesJson.value(
                set(builder(raw), "raw", ByteString.copyFromUtf8("{\"a\":1,\"b\":[true]}")).build()));
    }

    @Test
    void int64sAreNumbersRepeatedFieldsAreListsAndEmptyOnesAreAbsent() {
        Descriptor podSpec = TYPES.message("k8s.io.api.core.v1.PodSpec");
        Descriptor container = fieldType(podSpec, "containers");
        DynamicMessage spec = builder(podSpec)
                .setField(podSpec.findFieldByName("activeDeadlineSeconds"), 5_000_000_000L)
                .setField(podSpec.findFieldByName("terminationGracePeriodSeconds"), 30L)
                .addRepeatedField(podSpec.findFieldByName("containers"), set(builder(container), "name", "a").build())
                .addRepeatedField(podSpec.findFieldByName("containers"), set(builder(container), "name", "b").build())
                .build();
        Map<?, ?> json = (Map<?, ?>) KubernetesJson.value(spec);
        assertEquals(5_000_000_000L, json.get("activeDeadlineSeconds"));
        assertEquals(30, json.get("terminationGracePeriodSeconds"), "small int64s read back as the JSON reader's Integer");
        assertEquals(List.of(Map.of("name", "a"), Map.of("name", "b")), json.get("containers"));
        assertFalse(json.containsKey("volumes"));
    }

    @Test
    void durationsAreGoDurationText() {
        assertEquals("0s", KubernetesJson.goDuration(0));
        assertEquals("1.5s", KubernetesJson.goDuration(1_500_000_000L));
        assertEquals("1h2m3s", KubernetesJson.goDuration(3_723_000_000_000L));
    }

    @Test
    void aWrongMagicIsRefused() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> decoder.decode("{\"kind\":\"ConfigMap\"}".getBytes(StandardCharsets.UTF_8)));
        assertTrue(error.getMessage().contains("k8s\\0"), error.getMessage());
    }

    @Test
    void aTruncatedEnvelopeOrObjectIsRefused() {
        Descriptor configMap = TYPES.find("v1", "ConfigMap");
        byte[] whole = envelope("v1", "ConfigMap", builder(configMap).addRepeatedField(configMap.findFieldByName("data"),
                entry(configMap, "data", "a", "1")).build());
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> decoder.decode(Arrays.copyOf(whole, whole.length - 3)));
        assertTrue(error.getMessage().contains("truncated"), error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> decoder.decode(new byte[] {'k', '8', 's', 0, 0x0a, 0x7f}));
    }

    @Test
    void anUnknownKindIsRefusedNamingIt() {
        Descriptor configMap = TYPES.find("v1", "ConfigMap");
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> decoder.decode(envelope("example.com/v1", "Gizmo", builder(configMap).build())));
        assertTrue(error.getMessage().contains("Gizmo") && error.getMessage().contains("example.com/v1"), error.getMessage());
    }

    @Test
    void everyGroupOfTheKubectlGeneratorsIsKnown() {
        Map<String, String> kinds = new HashMap<>(Map.of("v1", "Namespace", "apps/v1", "Deployment", "batch/v1", "Job",
                "rbac.authorization.k8s.io/v1", "RoleBinding", "networking.k8s.io/v1", "Ingress", "policy/v1",
                "PodDisruptionBudget", "scheduling.k8s.io/v1", "PriorityClass", "batch/v1beta1", "CronJob"));
        kinds.forEach((apiVersion, kind) -> assertEquals(kind, TYPES.find(apiVersion, kind).getName()));
    }
}
