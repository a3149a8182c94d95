package kmock.internal.protobuf;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;

import kmock.spi.BodyDecoder;

/**
 * Decodes {@code application/vnd.kubernetes.protobuf} bodies of built-in Kubernetes types into the JSON object the
 * same request would carry as JSON: the envelope names the type, the bundled descriptors decode it, and
 * {@link KubernetesJson} writes it as the Go types would.
 */
public final class ProtobufDecoder implements BodyDecoder {

    /** Loaded on first use and shared: the descriptors take a moment to build and never change. */
    private static final class Types {
        static final KubernetesTypes BUNDLED = KubernetesTypes.bundled();
    }

    @Override
    public String mediaType() {
        return "application/vnd.kubernetes.protobuf";
    }

    @Override
    public Object decode(byte[] body) {
        Envelope envelope = Envelope.parse(body);
        if (!envelope.contentEncoding().isEmpty()) {
            throw new IllegalArgumentException("the content encoding '" + envelope.contentEncoding() + "' is not supported");
        }
        Descriptor type = Types.BUNDLED.find(envelope.apiVersion(), envelope.kind());
        try {
            DynamicMessage message = DynamicMessage.parseFrom(type, envelope.raw());
            return KubernetesJson.object(envelope.apiVersion(), envelope.kind(), message);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("the " + envelope.kind() + " message is truncated or malformed: " + e.getMessage(), e);
        }
    }
}
