package kmock.internal.protobuf;

import java.io.IOException;
import java.util.Arrays;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;

/**
 * The Kubernetes protobuf envelope: the magic bytes {@code k8s\0}, then a {@code runtime.Unknown} message whose
 * {@code typeMeta} names the object's apiVersion and kind and whose {@code raw} holds the object's own message.
 *
 * @param apiVersion      {@code v1}, {@code apps/v1}, …
 * @param kind            {@code ConfigMap}, {@code Deployment}, …
 * @param raw             the typed object, protobuf-encoded
 * @param contentEncoding the encoding of {@code raw}; Kubernetes writes none
 */
record Envelope(String apiVersion, String kind, ByteString raw, String contentEncoding) {

    private static final byte[] MAGIC = {'k', '8', 's', 0};

    /** Reads an envelope. @throws IllegalArgumentException for a wrong magic, a truncated or malformed message */
    static Envelope parse(byte[] body) {
        if (body.length < MAGIC.length || !Arrays.equals(Arrays.copyOf(body, MAGIC.length), MAGIC)) {
            throw new IllegalArgumentException("not a Kubernetes protobuf body: it must start with the bytes 'k8s\\0'");
        }
        try {
            CodedInputStream in = CodedInputStream.newInstance(body, MAGIC.length, body.length - MAGIC.length);
            String apiVersion = "";
            String kind = "";
            ByteString raw = ByteString.EMPTY;
            String contentEncoding = "";
            for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
                switch (WireFormat.getTagFieldNumber(tag)) {
                    case 1 -> {
                        CodedInputStream typeMeta = in.readBytes().newCodedInput();
                        for (int inner = typeMeta.readTag(); inner != 0; inner = typeMeta.readTag()) {
                            switch (WireFormat.getTagFieldNumber(inner)) {
                                case 1 -> apiVersion = typeMeta.readString();
                                case 2 -> kind = typeMeta.readString();
                                default -> typeMeta.skipField(inner);
                            }
                        }
                    }
                    case 2 -> raw = in.readBytes();
                    case 3 -> contentEncoding = in.readString();
                    default -> in.skipField(tag);
                }
            }
            if (apiVersion.isEmpty() || kind.isEmpty()) {
                throw new IllegalArgumentException("the envelope names no apiVersion and kind");
            }
            return new Envelope(apiVersion, kind, raw, contentEncoding);
        } catch (IOException e) {
            throw new IllegalArgumentException("a truncated or malformed protobuf envelope: " + e.getMessage(), e);
        }
    }
}
