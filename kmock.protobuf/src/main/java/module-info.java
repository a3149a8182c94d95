/**
 * Decodes Kubernetes protobuf request bodies ({@code application/vnd.kubernetes.protobuf}, what kubectl's typed
 * commands send) into the JSON form Kubernetes would write, for the emulator of {@code kmock.handlers}.
 */
module kmock.protobuf {
    requires kmock.api;
    // protobuf-java is an automatic module (Automatic-Module-Name in its manifest).
    requires com.google.protobuf;

    provides kmock.spi.BodyDecoder with
            kmock.internal.protobuf.KubernetesProtobufDecoder;
}
