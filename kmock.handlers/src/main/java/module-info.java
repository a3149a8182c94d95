/**
 * Handlers with the request-matching DSL: {@code RawHandler} for any HTTP API, {@code KubernetesScaffold} for
 * Kubernetes discovery, and {@code KubernetesEmulator} for a stateful Kubernetes API.
 */
module kmock.handlers {
    requires transitive kmock.api;
    requires com.fasterxml.jackson.databind;

    exports kmock.handlers;
}
