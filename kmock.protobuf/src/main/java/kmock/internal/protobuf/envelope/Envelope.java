package kmock.internal.protobuf.envelope;

import java.io.IOException;
import java.util.Arrays;
import java.util.HexFormat;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;

/**
 * The wrapper around every Kubernetes protobuf body: the four bytes {@code k8s\0}, then a {@code runtime.Unknown}
 * message that names the type ({@code typeMeta}: apiVersion and kind) and carries the typed object's own protobuf
 * encoding ({@code raw}). Read by hand from the wire, so that a bad body gets a precise message.
 *
 * @param apiVersion      the object's apiVersion, such as {@code v1} or {@code apps/v1}
 * @param kind            the object's kind, such as {@code Deployment}
 * @param raw             the object itself, encoded as {@code contentType} says
 * @param contentEncoding how {@code raw} is compressed; Kubernetes always leaves it empty
 * @param contentType     the encoding of {@code raw}; empty means protobuf
 */
public record Envelope(String apiVersion, String kind, byte[] raw, String contentEncoding, String contentType) {

    private static final byte[] MAGIC = {'k', '8', 's', 0};

    /** Whether bytes start with the Kubernetes protobuf magic number. */
    public static boolean hasMagic(byte[] bytes) {
        return bytes.length >= MAGIC.length && Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
    }

    /**
     * Reads an envelope.
     *
     * @throws IllegalArgumentException when the magic number is missing, the message is corrupt or truncated, or it
     *                                  names no apiVersion or kind
     */
    public static Envelope parse(byte[] body) {
        if (!hasMagic(body)) {
            byte[] start = Arrays.copyOf(body, Math.min(body.length, MAGIC.length));
            throw new IllegalArgumentException(
                    "not a Kubernetes protobuf body: it must start with the 4 bytes 'k8s\\0' "
                            + "(6b 38 73 00), but starts with "
                            + (start.length == 0
                                    ? "nothing (the body is empty)"
                                    : HexFormat.ofDelimiter(" ").formatHex(start)));
        }
        String apiVersion = "";
        String kind = "";
        byte[] raw = new byte[0];
        String contentEncoding = "";
        String contentType = "";
        try {
            CodedInputStream in = CodedInputStream.newInstance(body, MAGIC.length, body.length - MAGIC.length);
            for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
                switch (WireFormat.getTagFieldNumber(tag)) {
                    case 1 -> {
                        String[] typeMeta = typeMeta(lengthDelimited(in, tag, "typeMeta"));
                        apiVersion = typeMeta[0];
                        kind = typeMeta[1];
                    }
                    case 2 -> raw = lengthDelimited(in, tag, "raw");
                    case 3 -> contentEncoding = string(lengthDelimited(in, tag, "contentEncoding"));
                    case 4 -> contentType = string(lengthDelimited(in, tag, "contentType"));
                    default -> in.skipField(tag);
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "the Kubernetes protobuf envelope (runtime.Unknown after 'k8s\\0') is corrupt or " + "truncated: "
                            + e.getMessage(),
                    e);
        }
        if (apiVersion.isEmpty() || kind.isEmpty()) {
            throw new IllegalArgumentException(
                    "the Kubernetes protobuf envelope names no " + (kind.isEmpty() ? "kind" : "apiVersion")
                            + " (apiVersion '" + apiVersion + "', kind '" + kind + "')");
        }
        return new Envelope(apiVersion, kind, raw, contentEncoding, contentType);
    }

    /** apiVersion and kind of a {@code runtime.TypeMeta}. */
    private static String[] typeMeta(byte[] bytes) throws IOException {
        String[] typeMeta = {"", ""};
        CodedInputStream in = CodedInputStream.newInstance(bytes);
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            int field = WireFormat.getTagFieldNumber(tag);
            if (field == 1 || field == 2) {
                typeMeta[field - 1] =
                        string(lengthDelimited(in, tag, field == 1 ? "typeMeta.apiVersion" : "typeMeta.kind"));
            } else {
                in.skipField(tag);
            }
        }
        return typeMeta;
    }

    private static byte[] lengthDelimited(CodedInputStream in, int tag, String field) throws IOException {
        if (WireFormat.getTagWireType(tag) != WireFormat.WIRETYPE_LENGTH_DELIMITED) {
            throw new InvalidProtocolBufferException(
                    field + " has wire type " + WireFormat.getTagWireType(tag) + ", not 2 (length-delimited)");
        }
        return in.readByteArray();
    }

    private static String string(byte[] bytes) {
        return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }

    // A record with an array component: equality and text by content, so that envelopes compare as values.
    @Override
    public boolean equals(Object other) {
        return other instanceof Envelope that
                && apiVersion.equals(that.apiVersion)
                && kind.equals(that.kind)
                && Arrays.equals(raw, that.raw)
                && contentEncoding.equals(that.contentEncoding)
                && contentType.equals(that.contentType);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * apiVersion.hashCode() + kind.hashCode()) + Arrays.hashCode(raw);
    }

    @Override
    public String toString() {
        return "Envelope[" + apiVersion + " " + kind + ", " + raw.length + " raw bytes"
                + (contentType.isEmpty() ? "" : ", " + contentType)
                + (contentEncoding.isEmpty() ? "" : ", " + contentEncoding) + "]";
    }
}
