package kmock.it.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kmock.api.Server;
import kmock.handlers.KubernetesScaffold;
import kmock.internal.json.Json;

/** kmock.jar as users run it: a subprocess, its output, its exit code, and real clients against it. */
class CliTest {

    @Test
    void serveOnPortZeroPrintsOneListeningLineWithTheRealPort() throws Exception {
        try (KmockJar kmock = KmockJar.start("serve", "--port", "0")) {
            URI url = kmock.awaitListening();
            assertTrue(url.getPort() > 0, url.toString());
            Map<?, ?> version = (Map<?, ?>) Json.parse(Http.get(url.resolve("/version")));
            assertTrue(version.containsKey("gitVersion"), version.toString());
            assertEquals(null, kmock.stdout.poll(), "stdout has exactly one line");
        }
    }

    @Test
    void badFlagsExitWithTwoAndAUsage() throws Exception {
        try (KmockJar kmock = KmockJar.start("serve", "--bogus")) {
            assertEquals(2, kmock.awaitExit());
            String errors = kmock.errors();
            assertTrue(errors.contains("unknown flag --bogus"), errors);
            assertTrue(errors.contains("usage: java -jar kmock.jar"), errors);
        }
    }

    @Test
    void helpPrintsTheUsageAndSucceeds() throws Exception {
        try (KmockJar kmock = KmockJar.start("serve", "--help")) {
            assertEquals(0, kmock.awaitExit());
            String first = kmock.stdout.poll(10, TimeUnit.SECONDS);
            assertEquals("usage: java -jar kmock.jar COMMAND [FLAGS]", first);
        }
    }

    @Test
    void unknownCommandExitsWithTwo() throws Exception {
        try (KmockJar kmock = KmockJar.start("frobnicate")) {
            assertEquals(2, kmock.awaitExit());
        }
    }

    @Test
    void sigtermClosesCleanly() throws Exception {
        try (KmockJar kmock = KmockJar.start("serve", "--port", "0")) {
            kmock.awaitListening();
            // Process.destroy() would also close our ends of the pipes; the handle only sends SIGTERM.
            assertTrue(kmock.process.toHandle().destroy(), "SIGTERM could not be sent");
            assertTrue(kmock.process.waitFor(30, TimeUnit.SECONDS), "no exit within 30 s of SIGTERM");
            assertEquals(143, kmock.process.exitValue(), "the JVM's exit code after SIGTERM and its shutdown hooks");
            String stopping = kmock.stderr.poll(10, TimeUnit.SECONDS);
            assertTrue(stopping != null && stopping.startsWith("Stopping http://"), "stderr: " + stopping);
        }
    }

    @Test
    void preloadedObjectsAreVisibleThroughKubectl(@TempDir Path dir) throws Exception {
        Path manifests = dir.resolve("objects.yaml");
        Files.writeString(
                manifests,
                String.join(
                        "\n",
                        "apiVersion: v1",
                        "kind: ConfigMap",
                        "metadata: {name: first, namespace: demo}",
                        "data: {a: '1'}",
                        "---",
                        "apiVersion: v1",
                        "kind: List",
                        "items:",
                        "- apiVersion: v1",
                        "  kind: ConfigMap",
                        "  metadata: {name: second}",
                        "- apiVersion: v1",
                        "  kind: Namespace",
                        "  metadata: {name: demo}",
                        ""));
        try (KmockJar kmock = KmockJar.start("serve", "--port", "0", "--objects", manifests.toString())) {
            URI url = kmock.awaitListening();
            String configmaps = Kubectl.run(
                    url,
                    "get",
                    "configmaps",
                    "-A",
                    "-o",
                    "jsonpath={range .items[*]}{.metadata.namespace}/{.metadata.name} {end}");
            assertEquals("default/second demo/first", configmaps.trim());
            assertEquals(
                    "default demo",
                    Kubectl.run(url, "get", "namespaces", "-o", "jsonpath={.items[*].metadata.name}")
                            .trim());
        }
    }

    @Test
    void kubectlTypedCreateCommandsWorkAgainstTheJar() throws Exception {
        // kubectl create namespace/deployment sends Kubernetes protobuf: kmock.jar carries the decoder.
        try (KmockJar kmock = KmockJar.start("serve", "--port", "0")) {
            URI url = kmock.awaitListening();
            assertEquals(
                    "namespace/demo created",
                    Kubectl.run(url, "create", "namespace", "demo").trim());
            Kubectl.run(url, "create", "deployment", "web", "--image=nginx:1.27", "--replicas=0", "-n", "demo");
            assertEquals(
                    "default demo",
                    Kubectl.run(url, "get", "namespaces", "-o", "jsonpath={.items[*].metadata.name}")
                            .trim());
            assertEquals(
                    "0 nginx:1.27",
                    Kubectl.run(
                                    url,
                                    "get",
                                    "deployment",
                                    "web",
                                    "-n",
                                    "demo",
                                    "-o",
                                    "jsonpath={.spec.replicas} {.spec.template.spec.containers[0].image}")
                            .trim(),
                    "an explicit replicas: 0 is kept");
        }
    }

    @Test
    void controllersMakeTheJarAClusterThatMoves() throws Exception {
        try (KmockJar kmock = KmockJar.start("serve", "--port", "0", "--controllers", "--nodes", "2")) {
            URI url = kmock.awaitListening();
            assertEquals(
                    "node-1 node-2",
                    Kubectl.run(url, "get", "nodes", "-o", "jsonpath={.items[*].metadata.name}")
                            .trim());
            Kubectl.run(url, "create", "deployment", "web", "--image=nginx:1.27", "--replicas=2");
            String rollout = Kubectl.run(url, "rollout", "status", "deployment/web", "--timeout=60s");
            assertTrue(rollout.contains("successfully rolled out"), rollout);
            assertEquals(
                    "Running Running",
                    Kubectl.run(url, "get", "pods", "-o", "jsonpath={.items[*].status.phase}")
                            .trim());
        }
    }

    @Test
    void aListOfControllersLeavesTheOthersOff() throws Exception {
        try (KmockJar kmock = KmockJar.start("serve", "--port", "0", "--controllers=serviceaccount")) {
            URI url = kmock.awaitListening();
            Kubectl.run(url, "create", "namespace", "team");
            Kubectl.run(url, "wait", "--for=create", "serviceaccount/default", "-n", "team", "--timeout=60s");
            assertEquals(
                    "",
                    Kubectl.run(url, "get", "nodes", "-o", "jsonpath={.items[*].metadata.name}")
                            .trim(),
                    "no kubelet, no nodes");
        }
    }

    @Test
    void anUnknownControllerIsAUsageError() throws Exception {
        try (KmockJar kmock = KmockJar.start("serve", "--controllers", "deployments")) {
            assertEquals(2, kmock.awaitExit());
            String errors = kmock.errors();
            assertTrue(errors.contains("--controllers deployments: No controller named 'deployments'"), errors);
        }
    }

    @Test
    void aBadManifestIsNamedByFileAndDocument(@TempDir Path dir) throws Exception {
        Path manifests = dir.resolve("broken.yaml");
        Files.writeString(
                manifests,
                "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ok}\n---\napiVersion: v1\nkind: ConfigMap\n");
        try (KmockJar kmock = KmockJar.start("serve", "--port", "0", "--objects", manifests.toString())) {
            assertEquals(1, kmock.awaitExit());
            String errors = kmock.errors();
            assertTrue(errors.contains("broken.yaml, document 2: 'metadata.name' is missing"), errors);
        }
    }

    @Test
    void fetchedResourcesServeTheSameDiscovery(@TempDir Path dir) throws Exception {
        Path dump = dir.resolve("resources.json.gz");
        try (KmockJar kmock = KmockJar.start("serve", "--port", "0")) {
            URI url = kmock.awaitListening();
            try (KmockJar fetch =
                    KmockJar.start("fetch", "resources", "--server", url.toString(), "-o", dump.toString())) {
                assertEquals(0, fetch.awaitExit(), fetch.errors());
            }
            try (KubernetesScaffold scaffold = new KubernetesScaffold()) {
                scaffold.resources().loadPath(dump);
                try (Server server = Server.builder(scaffold).start()) {
                    for (String path : List.of(
                            "/api/v1", "/apis/apps/v1", "/apis/batch/v1", "/apis/rbac.authorization.k8s.io/v1")) {
                        assertEquals(
                                Json.parse(Http.get(url.resolve(path))),
                                Json.parse(Http.get(server.url().resolve(path))),
                                path);
                    }
                }
            }
        }
        byte[] head = Files.readAllBytes(dump);
        assertTrue(head.length > 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b, "the .gz file is gzip");
    }

    @Test
    void verboseLogsOneLinePerRequest() throws Exception {
        try (KmockJar kmock = KmockJar.start("serve", "--port", "0", "--verbose")) {
            URI url = kmock.awaitListening();
            Http.get(url.resolve("/version"));
            String line = kmock.stderr.poll(30, TimeUnit.SECONDS);
            assertEquals("200 GET /version (host 127.0.0.1:" + url.getPort() + ")", line);
        }
    }

    @Test
    void fetchKeepsWhatTheGlobsSelect(@TempDir Path dir) throws Exception {
        Path dump = dir.resolve("resources.json");
        try (KmockJar kmock = KmockJar.start("serve", "--port", "0")) {
            URI url = kmock.awaitListening();
            try (KmockJar fetch = KmockJar.start(
                    "fetch",
                    "resources",
                    "--server",
                    url.toString(),
                    "-o",
                    dump.toString(),
                    "--include",
                    "core",
                    "--include",
                    "*.k8s.io",
                    "--exclude",
                    "rbac.authorization.k8s.io",
                    "--include",
                    "batch/v1")) {
                assertEquals(0, fetch.awaitExit(), fetch.errors());
            }
        }
        List<?> documents = (List<?>) Json.parse(Files.readAllBytes(dump));
        List<String> groupVersions = documents.stream()
                .map(d -> String.valueOf(((Map<?, ?>) d).get("groupVersion")))
                .toList();
        assertTrue(
                groupVersions.contains("v1")
                        && groupVersions.contains("batch/v1")
                        && groupVersions.contains("storage.k8s.io/v1"),
                groupVersions.toString());
        assertTrue(
                !groupVersions.contains("apps/v1") && !groupVersions.contains("rbac.authorization.k8s.io/v1"),
                groupVersions.toString());
    }

    @Test
    void fetchUsesTheKubeconfigServerAndToken(@TempDir Path dir) throws Exception {
        try (KubernetesScaffold cluster = new KubernetesScaffold()) {
            cluster.resources().loadBundled();
            kmock.handlers.View authorized =
                    cluster.on(kmock.handlers.Criteria.headers("Authorization: Bearer s3cret"));
            try (Server server = Server.builder(cluster).start()) {
                Path kubeconfig = Files.writeString(
                        dir.resolve("config"),
                        String.join(
                                "\n",
                                "apiVersion: v1",
                                "kind: Config",
                                "current-context: test",
                                "contexts: [{name: test, context: {cluster: c, user: u}}]",
                                "clusters: [{name: c, cluster: {server: '" + server.url() + "'}}]",
                                "users: [{name: u, user: {token: s3cret}}]",
                                ""));
                Path dump = dir.resolve("out.json.gz");
                try (KmockJar fetch = KmockJar.start(
                        "fetch", "resources", "--kubeconfig", kubeconfig.toString(), "-o", dump.toString())) {
                    assertEquals(0, fetch.awaitExit(), fetch.errors());
                }
                assertTrue(authorized.size() >= 3, "every discovery request carried the token: " + authorized.size());
                assertEquals(cluster.size(), authorized.size());
            }
        }
    }

    /** A plain GET with the JDK client, independent of KMock's own client. */
    static final class Http {
        static String get(URI uri) throws IOException, InterruptedException {
            java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                    .version(java.net.http.HttpClient.Version.HTTP_1_1)
                    .build();
            java.net.http.HttpResponse<String> response = client.send(
                    java.net.http.HttpRequest.newBuilder(uri).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertEquals(200, response.statusCode(), uri + ": " + response.body());
            return response.body();
        }
    }
}
