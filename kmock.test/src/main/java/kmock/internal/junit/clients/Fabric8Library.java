package kmock.internal.junit.clients;

import java.net.URI;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

/**
 * The fabric8 client: a {@link KubernetesClient} (or one of its fabric8 supertypes) pointed at the test's server,
 * ignoring any kubeconfig of the machine, in namespace {@code default}, with no request retries (a test that
 * provokes a 500 gets it at once, not after a backoff).
 */
final class Fabric8Library implements ClientLibrary {

    private static final String IMPLEMENTATION = "io.fabric8.kubernetes.client.impl.KubernetesClientImpl";

    private KubernetesClient client;

    @Override
    public boolean supports(Class<?> type) {
        return type.getName().startsWith("io.fabric8.") && type.isAssignableFrom(KubernetesClient.class);
    }

    @Override
    public synchronized Object client(Class<?> type, URI server) {
        if (client == null) {
            client = build(server);
        }
        return client;
    }

    private static KubernetesClient build(URI server) {
        try {
            Class.forName(IMPLEMENTATION, false, Fabric8Library.class.getClassLoader());
        } catch (ClassNotFoundException absent) {
            throw new IllegalStateException(
                    "fabric8's client implementation is not on the test class path: add "
                            + "io.fabric8:kubernetes-client (test scope; it brings an HTTP client), not only kubernetes-client-api");
        }
        Config config = new ConfigBuilder(Config.empty())
                .withMasterUrl(server.toString())
                .withNamespace("default")
                .withRequestRetryBackoffLimit(0)
                .build();
        try {
            return new KubernetesClientBuilder().withConfig(config).build();
        } catch (RuntimeException failed) {
            throw new IllegalStateException(
                    "Cannot build a fabric8 KubernetesClient: " + failed.getMessage()
                            + " (an HTTP client comes with io.fabric8:kubernetes-client, or add io.fabric8:kubernetes-httpclient-jdk)",
                    failed);
        }
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
            client = null;
        }
    }
}
