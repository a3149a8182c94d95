/**
 * Handlers with the request-matching DSL: {@code RawHandler} for any HTTP API, {@code KubernetesScaffold} for
 * Kubernetes discovery, and {@code KubernetesEmulator} for a stateful Kubernetes API.
 */
module kmock.handlers {
    requires transitive kmock.api;
    requires com.fasterxml.jackson.databind;
    // Server-side apply bodies and manifests are YAML.
    requires com.fasterxml.jackson.dataformat.yaml;

    exports kmock.handlers;

    // Request bodies in other media types than JSON and YAML (Kubernetes protobuf: kmock.protobuf).
    uses kmock.spi.BodyDecoder;

    // Jackson becomes the library's JSON codec, so replies may be any serialisable object.
    provides kmock.spi.JsonCodec with
            kmock.internal.jackson.JacksonCodec;
}
