/**
 * Decodes Kubernetes protobuf request bodies ({@code application/vnd.kubernetes.protobuf}, as kubectl's typed
 * commands send them) into the plain JSON values the emulator stores. Optional: found through
 * {@link kmock.spi.BodyDecoder}; nothing is exported.
 */
module kmock.protobuf {
    requires kmock.api;
    requires com.google.protobuf;

    provides kmock.spi.BodyDecoder with kmock.internal.protobuf.ProtobufDecoder;
}
