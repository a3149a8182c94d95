package kmock.internal.protobuf;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;

import kmock.internal.json.Json;
import kmock.internal.protobuf.envelope.Envelope;
import kmock.internal.protobuf.json.GoShapes;
import kmock.internal.protobuf.json.MessageJson;
import kmock.internal.protobuf.types.KubernetesTypes;
import kmock.spi.BodyDecoder;

/**
 * Decodes {@code application/vnd.kubernetes.protobuf} bodies, which kubectl's typed commands ({@code create
 * namespace}, {@code create deployment}, {@code run}, {@code expose}, …) send, into the JSON Kubernetes would
 * write for the same object. Found by the emulator through {@link java.util.ServiceLoader}.
 */
public final class KubernetesProtobufDecoder implements BodyDecoder {

    /** The media type of Kubernetes protobuf. */
    public static final String MEDIA_TYPE = "application/vnd.kubernetes.protobuf";

    /** Creates the decoder; the descriptors are read on the first body, not here. */
    public KubernetesProtobufDecoder() {}

    @Override
    public String mediaType() {
        return MEDIA_TYPE;
    }

    @Override
    public Object decode(byte[] body) {
        return decode(Envelope.parse(body));
    }

    private Object decode(Envelope envelope) {
        if (!envelope.contentEncoding().isEmpty()) {
            throw new IllegalArgumentException("the " + envelope.kind() + " in the body has content encoding '"
                    + envelope.contentEncoding() + "'; only unencoded objects are read");
        }
        String contentType = envelope.contentType().toLowerCase(Locale.ROOT);
        if (contentType.contains("json")) {
            return embeddedJson(envelope.raw());
        }
        if (!contentType.isEmpty() && !contentType.startsWith(MEDIA_TYPE)) {
            throw new IllegalArgumentException("the " + envelope.kind() + " in the body has content type '"
                    + envelope.contentType() + "'; only protobuf and JSON objects are read");
        }
        Descriptor type = KubernetesTypes.bundled().find(envelope.apiVersion(), envelope.kind());
        DynamicMessage message;
        try {
            message = DynamicMessage.parseFrom(type, envelope.raw());
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException(
                    "the " + envelope.apiVersion() + " " + envelope.kind() + " in the body is corrupt or "
                            + "truncated: " + e.getMessage(),
                    e);
        }
        // Go writes TypeMeta first: kind, then apiVersion.
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("kind", envelope.kind());
        object.put("apiVersion", envelope.apiVersion());
        object.putAll(new MessageJson(GoShapes.bundled(), this::embedded).object(message));
        return object;
    }

    /** The content of a RawExtension: a nested protobuf body, or JSON. */
    private Object embedded(byte[] raw) {
        return Envelope.hasMagic(raw) ? decode(raw) : embeddedJson(raw);
    }

    private static Object embeddedJson(byte[] raw) {
        try {
            return Json.parse(raw);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "an embedded object (RawExtension) is neither Kubernetes protobuf nor JSON: " + e.getMessage(), e);
        }
    }
}
