package kmock.internal.protobuf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.google.protobuf.ByteString;
import com.google.protobuf.MessageLite;
import io.kubernetes.client.proto.Meta.ObjectMeta;
import io.kubernetes.client.proto.Runtime.RawExtension;
import io.kubernetes.client.proto.Runtime.TypeMeta;
import io.kubernetes.client.proto.Runtime.Unknown;
import io.kubernetes.client.proto.V1;
import io.kubernetes.client.proto.V1Apps;

import kmock.internal.json.Json;

/** Whole bodies, envelope and object, as kubectl sends them, decoded to Kubernetes JSON or refused with a reason. */
class KubernetesProtobufDecoderTest {

    private final KubernetesProtobufDecoder decoder = new KubernetesProtobufDecoder();

    static byte[] body(String apiVersion, String kind, MessageLite object) {
        return body(Unknown.newBuilder()
                .setTypeMeta(TypeMeta.newBuilder().setApiVersion(apiVersion).setKind(kind))
                .setRaw(object.toByteString())
                .setContentEncoding("")
                .setContentType("")
                .build());
    }

    static byte[] body(Unknown unknown) {
        byte[] message = unknown.toByteArray();
        byte[] body = Arrays.copyOf(new byte[] {'k', '8', 's', 0}, 4 + message.length);
        System.arraycopy(message, 0, body, 4, message.length);
        return body;
    }

    @Test
    void aConfigMapDecodesWithKindAndApiVersionFirst() {
        V1.ConfigMap configMap = V1.ConfigMap.newBuilder()
                .setMetadata(ObjectMeta.newBuilder()
                        .setName("cfg")
                        .setNamespace("default")
                        .setCreationTimestamp(io.kubernetes.client.proto.Meta.Time.getDefaultInstance()))
                .putData("b", "2")
                .putData("a", "1")
                .build();
        Object decoded = decoder.decode(body("v1", "ConfigMap", configMap));
        assertEquals(
                Json.parse(
                        "{\"kind\":\"ConfigMap\",\"apiVersion\":\"v1\",\"metadata\":{\"name\":\"cfg\",\"namespace\":\"default\","
                                + "\"creationTimestamp\":null},\"data\":{\"a\":\"1\",\"b\":\"2\"}}"),
                decoded);
        assertEquals(
                List.of("kind", "apiVersion", "metadata", "data"), new ArrayList<>(((Map<?, ?>) decoded).keySet()));
        assertEquals("application/vnd.kubernetes.protobuf", decoder.mediaType());
    }

    @Test
    void aRawExtensionHoldingProtobufIsDecodedInPlace() {
        byte[] nested = body(
                "v1", "ConfigMap", V1.ConfigMap.newBuilder().putData("k", "v").build());
        V1Apps.ControllerRevision revision = V1Apps.ControllerRevision.newBuilder()
                .setData(RawExtension.newBuilder().setRaw(ByteString.copyFrom(nested)))
                .setRevision(2)
                .build();
        Map<?, ?> decoded = (Map<?, ?>) decoder.decode(body("apps/v1", "ControllerRevision", revision));
        assertEquals(
                Json.parse(
                        "{\"kind\":\"ConfigMap\",\"apiVersion\":\"v1\",\"metadata\":{\"creationTimestamp\":null},\"data\":{\"k\":\"v\"}}"),
                decoded.get("data"));
        assertEquals(2, decoded.get("revision"));
    }

    @Test
    void aRawExtensionHoldingNeitherProtobufNorJsonIsRefused() {
        V1Apps.ControllerRevision revision = V1Apps.ControllerRevision.newBuilder()
                .setData(RawExtension.newBuilder().setRaw(ByteString.copyFromUtf8("{not json")))
                .build();
        IllegalArgumentException failure = assertThrows(
                IllegalArgumentException.class, () -> decoder.decode(body("apps/v1", "ControllerRevision", revision)));
        assertTrue(
                failure.getMessage()
                        .startsWith("an embedded object (RawExtension) is neither Kubernetes protobuf nor JSON"),
                failure.getMessage());
    }

    @Test
    void anEnvelopeOfJsonIsReadAsJson() {
        Unknown unknown = Unknown.newBuilder()
                .setTypeMeta(TypeMeta.newBuilder().setApiVersion("v1").setKind("ConfigMap"))
                .setRaw(ByteString.copyFromUtf8("{\"kind\":\"ConfigMap\",\"data\":{\"a\":\"1\"}}"))
                .setContentType("application/json")
                .build();
        assertEquals(Json.parse("{\"kind\":\"ConfigMap\",\"data\":{\"a\":\"1\"}}"), decoder.decode(body(unknown)));
    }

    @Test
    void anEncodedOrOtherwiseTypedObjectIsRefused() {
        Unknown gzipped = Unknown.newBuilder()
                .setTypeMeta(TypeMeta.newBuilder().setApiVersion("v1").setKind("ConfigMap"))
                .setContentEncoding("gzip")
                .build();
        IllegalArgumentException encoded =
                assertThrows(IllegalArgumentException.class, () -> decoder.decode(body(gzipped)));
        assertTrue(encoded.getMessage().contains("content encoding 'gzip'"), encoded.getMessage());
        Unknown yaml = gzipped.toBuilder()
                .setContentEncoding("")
                .setContentType("application/yaml")
                .build();
        IllegalArgumentException typed = assertThrows(IllegalArgumentException.class, () -> decoder.decode(body(yaml)));
        assertTrue(typed.getMessage().contains("content type 'application/yaml'"), typed.getMessage());
    }

    @Test
    void aCorruptOrTruncatedObjectNamesItsKind() {
        byte[] raw = V1Apps.Deployment.newBuilder()
                .setMetadata(ObjectMeta.newBuilder().setName("web"))
                .build()
                .toByteArray();
        Unknown truncated = Unknown.newBuilder()
                .setTypeMeta(TypeMeta.newBuilder().setApiVersion("apps/v1").setKind("Deployment"))
                .setRaw(ByteString.copyFrom(raw, 0, raw.length - 2))
                .build();
        IllegalArgumentException failure =
                assertThrows(IllegalArgumentException.class, () -> decoder.decode(body(truncated)));
        assertTrue(
                failure.getMessage().startsWith("the apps/v1 Deployment in the body is corrupt or truncated"),
                failure.getMessage());
    }

    @Test
    void anUnknownKindIsRefusedWithItsNameAndApiVersion() {
        IllegalArgumentException failure = assertThrows(
                IllegalArgumentException.class,
                () -> decoder.decode(body("kopf.dev/v1", "KopfExample", V1.ConfigMap.getDefaultInstance())));
        assertTrue(
                failure.getMessage().contains("no protobuf descriptor for kind KopfExample in apiVersion kopf.dev/v1"),
                failure.getMessage());
    }

    @Test
    void aBodyWithoutTheMagicNumberIsRefused() {
        IllegalArgumentException failure =
                assertThrows(IllegalArgumentException.class, () -> decoder.decode("{}".getBytes()));
        assertTrue(failure.getMessage().startsWith("not a Kubernetes protobuf body"), failure.getMessage());
    }
}
