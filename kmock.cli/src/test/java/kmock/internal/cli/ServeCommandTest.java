package kmock.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import kmock.internal.tls.Authority;
import kmock.internal.tls.Pem;

/**
 * serve builds a server from its flags: each test runs the command as kmock.jar does, on 127.0.0.1 port 0, and talks
 * to it over real HTTP with the JDK's client; command lines that cannot be served are usage errors before any port
 * is taken.
 */
class ServeCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    /** The usage error of a command line; the stop latch is open, so a line that serves would return at once. */
    private static String refusal(String... args) {
        return assertThrows(
                        UsageException.class,
                        () -> ServeCommand.run(
                                List.of(args),
                                new CapturedOutput().stream(),
                                new CapturedOutput().stream(),
                                new CountDownLatch(0)))
                .getMessage();
    }

    @Test
    void portZeroListensOnAFreePortOfLoopbackAndPrintsOnlyThatLine() throws Exception {
        try (Serving serving = Serving.start("--port", "0")) {
            assertEquals("127.0.0.1", serving.url().getHost());
            assertTrue(serving.url().getPort() > 0, serving.url().toString());
            assertTrue(json(serving.get("/version")).has("gitVersion"));
            assertEquals("Listening on " + serving.url() + "\n", serving.out.text());
        }
    }

    @Test
    void stoppingPrintsTheStoppedUrlOnStandardError() throws Exception {
        Serving serving = Serving.start("--port", "0");
        serving.close();
        assertEquals("Stopping " + serving.url() + "\n", serving.err.text());
    }

    @Test
    void theEmulatorHasTheDefaultNamespaceAndItsServiceAccountAsEveryClusterDoes() throws Exception {
        try (Serving serving = Serving.start("--port", "0")) {
            assertEquals(
                    "default",
                    json(serving.get("/api/v1/namespaces/default"))
                            .at("/metadata/name")
                            .asText());
            assertEquals(
                    "default",
                    json(serving.get("/api/v1/namespaces/default/serviceaccounts/default"))
                            .at("/metadata/name")
                            .asText());
        }
    }

    @Test
    void preloadedObjectsAreServed() throws Exception {
        Path manifests = Files.writeString(dir.resolve("objects.yaml"), """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: settings, namespace: default}
                data: {mode: fast}
                """);
        try (Serving serving = Serving.start("--port", "0", "--objects", manifests.toString())) {
            assertEquals(
                    "fast",
                    json(serving.get("/api/v1/namespaces/default/configmaps/settings"))
                            .at("/data/mode")
                            .asText());
        }
    }

    @Test
    void withoutACatalogThereIsNoDefaultNamespace() throws Exception {
        try (Serving serving = Serving.start("--port", "0", "--resources", "none")) {
            assertEquals(404, serving.get("/api/v1/namespaces/default").statusCode());
        }
    }

    @Test
    void theScaffoldServesDiscoveryAndStoresNoObjects() throws Exception {
        try (Serving serving = Serving.start("--port", "0", "--handler", "scaffold")) {
            assertTrue(json(serving.get("/api/v1")).at("/resources").size() > 0);
            assertEquals(404, serving.get("/api/v1/namespaces/default").statusCode());
        }
    }

    @Test
    void theRawHandlerAnswersEveryRequestWith404() throws Exception {
        try (Serving serving = Serving.start("--port", "0", "--handler", "raw")) {
            assertEquals(404, serving.get("/version").statusCode());
        }
    }

    @Test
    void verboseLogsOneLinePerRequestOnStandardError() throws Exception {
        try (Serving serving = Serving.start("--port", "0", "--verbose")) {
            serving.get("/version");
            assertEquals(
                    "200 GET /version (host 127.0.0.1:" + serving.url().getPort() + ")",
                    serving.err.next(Serving.PATIENCE));
        }
    }

    @Test
    void aTokenSwitchesAuthenticationOn() throws Exception {
        try (Serving serving = Serving.start("--port", "0", "--token", "alice=s3cret")) {
            assertEquals(401, serving.get("/api").statusCode());
            assertEquals(
                    401, serving.get("/api", "Authorization", "Bearer wrong").statusCode());
            assertEquals(
                    200, serving.get("/api", "Authorization", "Bearer s3cret").statusCode());
        }
    }

    @Test
    void tlsServesHttpsWithACertificateOfTheKmockCa() throws Exception {
        try (Serving serving = Serving.start("--port", "0", "--tls")) {
            assertEquals("https", serving.url().getScheme());
            assertEquals(
                    200,
                    serving.get(Pem.context(Authority.jvm().pem(), null, null, false), "/version")
                            .statusCode());
        }
    }

    @Test
    void controllersAndNodesRunTheSimulatedNodes() throws Exception {
        try (Serving serving = Serving.start("--port", "0", "--controllers", "--nodes", "2")) {
            List<String> names = new ArrayList<>();
            long deadline = System.nanoTime() + Serving.PATIENCE.toNanos();
            while (names.size() < 2 && System.nanoTime() < deadline) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
                names.clear();
                json(serving.get("/api/v1/nodes"))
                        .at("/items")
                        .forEach(node -> names.add(node.at("/metadata/name").asText()));
            }
            assertEquals(List.of("node-1", "node-2"), names);
        }
    }

    @Test
    void warmupServesItsOwnRequestsAndReturnsWithoutAStop() throws Exception {
        CapturedOutput out = new CapturedOutput();
        CountDownLatch neverOpened = new CountDownLatch(1);
        CompletableFuture<Void> run = CompletableFuture.runAsync(() -> {
            try {
                ServeCommand.run(
                        List.of("--port", "0", "--warmup"), out.stream(), new CapturedOutput().stream(), neverOpened);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        run.get(Serving.PATIENCE.toSeconds(), TimeUnit.SECONDS);
        assertTrue(out.text().startsWith("Listening on http://127.0.0.1:"), out.text());
    }

    @Test
    void aBusyPortIsNamedWithTheAdviceToUsePortZero() throws Exception {
        try (Serving first = Serving.start("--port", "0")) {
            String port = String.valueOf(first.url().getPort());
            Exception refused = assertThrows(
                    Exception.class,
                    () -> ServeCommand.run(
                            List.of("--port", port),
                            new CapturedOutput().stream(),
                            new CapturedOutput().stream(),
                            new CountDownLatch(0)));
            assertNotEquals(UsageException.class, refused.getClass());
            assertTrue(refused.getMessage().contains(port), refused.getMessage());
            assertTrue(refused.getMessage().contains("port 0"), refused.getMessage());
        }
    }

    @Test
    void anUnknownHandlerIsRefusedWithTheThreeThereAre() {
        assertEquals("--handler must be emulator, scaffold or raw, got 'proxy'", refusal("--handler", "proxy"));
    }

    @Test
    void controllersAndNodesNeedTheEmulator() {
        assertEquals(
                "--controllers and --nodes need --handler emulator: only the emulator keeps objects to move",
                refusal("--handler", "scaffold", "--controllers"));
    }

    @Test
    void nodesNeedControllers() {
        assertEquals(
                "--nodes needs --controllers: nodes are simulated by the kubelet controller", refusal("--nodes", "2"));
    }

    @Test
    void aNodeCountMustBeANumberOfZeroOrMore() {
        assertEquals("--nodes must be a number of nodes (0 or more), got '-1'", refusal("--controllers", "--nodes=-1"));
        assertEquals(
                "--nodes must be a number of nodes (0 or more), got 'two'", refusal("--controllers", "--nodes", "two"));
    }

    @Test
    void anUnknownControllerIsNamedWithTheKnownOnes() {
        String message = refusal("--controllers", "deployments");
        assertTrue(message.startsWith("--controllers deployments: No controller named 'deployments'"), message);
        assertTrue(message.contains("deployment"), message);
    }

    @Test
    void kubernetesFlagsNeedAKubernetesHandler() {
        assertEquals(
                "--resources, --objects, --kubeconfig and --token need --handler emulator or scaffold",
                refusal("--handler", "raw", "--token", "alice=s3cret"));
    }

    @Test
    void objectsNeedTheEmulator() throws Exception {
        Path manifests = Files.writeString(dir.resolve("objects.yaml"), "apiVersion: v1\nkind: Namespace\n");
        assertEquals(
                "--objects needs --handler emulator: the scaffold stores no objects",
                refusal("--handler", "scaffold", "--objects", manifests.toString()));
    }

    @Test
    void aMissingResourcesFileIsNamedWithTheBuiltInChoices() {
        Path missing = dir.resolve("absent.json");
        assertEquals(
                "--resources " + missing + ": no such file (or use bundled, none)",
                refusal("--resources", missing.toString()));
    }

    @Test
    void aMissingObjectsFileIsNamed() {
        Path missing = dir.resolve("absent.yaml");
        assertEquals("--objects " + missing + ": no such file", refusal("--objects", missing.toString()));
    }

    @Test
    void aTokenWithoutNameOrSecretIsRefusedWithAnExample() {
        for (String token : List.of("alice", "=s3cret", "alice=")) {
            assertEquals(
                    "--token " + token + ": give NAME=TOKEN, such as --token alice=s3cret", refusal("--token", token));
        }
    }
}
