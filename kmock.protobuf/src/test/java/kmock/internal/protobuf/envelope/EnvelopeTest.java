package kmock.internal.protobuf.envelope;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import com.google.protobuf.ByteString;
import io.kubernetes.client.proto.Runtime.TypeMeta;
import io.kubernetes.client.proto.Runtime.Unknown;

/** The k8s\0 + runtime.Unknown wrapper: read field by field, and every bad body refused with a message that says why. */
class EnvelopeTest {

    private static byte[] envelope(Unknown unknown) {
        byte[] message = unknown.toByteArray();
        byte[] body = Arrays.copyOf(new byte[] {'k', '8', 's', 0}, 4 + message.length);
        System.arraycopy(message, 0, body, 4, message.length);
        return body;
    }

    private static Unknown.Builder unknown(String apiVersion, String kind) {
        return Unknown.newBuilder()
                .setTypeMeta(TypeMeta.newBuilder().setApiVersion(apiVersion).setKind(kind));
    }

    @Test
    void readsTypeMetaRawAndContentFields() {
        Envelope envelope = Envelope.parse(envelope(unknown("apps/v1", "Deployment")
                .setRaw(ByteString.copyFrom(new byte[] {1, 2, 3}))
                .setContentEncoding("")
                .setContentType("")
                .build()));
        assertEquals("apps/v1", envelope.apiVersion());
        assertEquals("Deployment", envelope.kind());
        assertArrayEquals(new byte[] {1, 2, 3}, envelope.raw());
        assertEquals("", envelope.contentType());
        assertEquals(new Envelope("apps/v1", "Deployment", new byte[] {1, 2, 3}, "", ""), envelope);
    }

    @Test
    void aWrongMagicNumberIsNamedWithTheBytesFound() {
        IllegalArgumentException failure =
                assertThrows(IllegalArgumentException.class, () -> Envelope.parse("{\"kind\":1}".getBytes()));
        assertTrue(failure.getMessage().contains("must start with the 4 bytes 'k8s\\0'"), failure.getMessage());
        assertTrue(failure.getMessage().endsWith("starts with 7b 22 6b 69"), failure.getMessage());
        IllegalArgumentException empty =
                assertThrows(IllegalArgumentException.class, () -> Envelope.parse(new byte[0]));
        assertTrue(empty.getMessage().contains("the body is empty"), empty.getMessage());
        assertFalse(Envelope.hasMagic(new byte[] {'k', '8', 's'}));
    }

    @Test
    void aTruncatedMessageIsCorruptOrTruncated() {
        byte[] whole = envelope(unknown("v1", "ConfigMap")
                .setRaw(ByteString.copyFrom(new byte[40]))
                .build());
        for (int cut : new int[] {whole.length - 1, whole.length - 30, 7}) {
            IllegalArgumentException failure = assertThrows(
                    IllegalArgumentException.class, () -> Envelope.parse(Arrays.copyOf(whole, cut)), "cut at " + cut);
            assertTrue(
                    failure.getMessage()
                            .startsWith(
                                    "the Kubernetes protobuf envelope (runtime.Unknown after 'k8s\\0') is corrupt or truncated"),
                    failure.getMessage());
        }
    }

    @Test
    void aFieldOfTheWrongWireTypeIsCorrupt() {
        // Field 1 (typeMeta) as a varint instead of a message.
        IllegalArgumentException failure = assertThrows(
                IllegalArgumentException.class, () -> Envelope.parse(new byte[] {'k', '8', 's', 0, 0x08, 0x01}));
        assertTrue(failure.getMessage().contains("typeMeta has wire type 0"), failure.getMessage());
    }

    @Test
    void anEnvelopeWithoutKindOrApiVersionIsRefused() {
        IllegalArgumentException noKind = assertThrows(
                IllegalArgumentException.class,
                () -> Envelope.parse(envelope(unknown("v1", "").build())));
        assertTrue(noKind.getMessage().contains("names no kind"), noKind.getMessage());
        IllegalArgumentException nothing =
                assertThrows(IllegalArgumentException.class, () -> Envelope.parse(new byte[] {'k', '8', 's', 0}));
        assertTrue(nothing.getMessage().contains("names no kind"), nothing.getMessage());
        IllegalArgumentException noVersion = assertThrows(
                IllegalArgumentException.class,
                () -> Envelope.parse(envelope(unknown("", "Pod").build())));
        assertTrue(noVersion.getMessage().contains("names no apiVersion"), noVersion.getMessage());
    }

    @Test
    void unknownEnvelopeFieldsAreSkipped() {
        Unknown unknown = unknown("v1", "Pod")
                .setUnknownFields(com.google.protobuf.UnknownFieldSet.newBuilder()
                        .addField(
                                9,
                                com.google.protobuf.UnknownFieldSet.Field.newBuilder()
                                        .addVarint(5)
                                        .build())
                        .build())
                .build();
        assertEquals("Pod", Envelope.parse(envelope(unknown)).kind());
    }
}
