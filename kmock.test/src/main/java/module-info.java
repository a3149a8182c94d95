/**
 * The JUnit Jupiter extension: a fresh, started mock server per test, configured by {@code @KMock}, and Kubernetes
 * clients pointed at it when their library is present.
 */
module kmock.test {
    requires transitive kmock.handlers;
    // The user's JUnit (5.10 or newer) is the one on the path: kmock-test declares it `provided`.
    requires transitive org.junit.jupiter.api;
    // AnnotationSupport finds @KMock on methods, classes, enclosing classes and packages, meta-annotations too.
    requires org.junit.platform.commons;
    // Optional client libraries: their adapters are loaded only when the library is present (ClientLibraries).
    // fabric8's jar has no module name of its own; this is the one Java derives from kubernetes-client-api-*.jar.
    requires static kubernetes.client.api;
    requires static io.kubernetes.client.java.api;
    // client-java's HTTP client: its threads and connections are ended with the test.
    requires static okhttp3;

    exports kmock.test;
}
