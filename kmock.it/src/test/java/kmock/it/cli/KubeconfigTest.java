package kmock.it.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.KubeConfig;

/**
 * {@code serve --tls --kubeconfig FILE}: real clients configured from the written file alone (no insecure flags,
 * no server flag), and {@code --token} credentials with their {@code 401} for anything else.
 */
@SuppressWarnings("try") // each test holds a running kmock.jar open with try, and talks to it through the kubeconfig
class KubeconfigTest {

    @TempDir
    Path dir;

    private Path kubeconfig() {
        return dir.resolve("kubeconfig.yaml");
    }

    private KmockJar serve(String... extra) throws Exception {
        List<String> args = new ArrayList<>(
                List.of("serve", "--port", "0", "--kubeconfig", kubeconfig().toString()));
        args.addAll(List.of(extra));
        KmockJar jar = KmockJar.start(args.toArray(new String[0]));
        jar.awaitListening();
        assertTrue(Files.isRegularFile(kubeconfig()), "the kubeconfig is written before the server says it listens");
        return jar;
    }

    /** kubectl with {@code KUBECONFIG=FILE} and nothing else: its exit code and everything it printed. */
    private Result kubectl(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("kubectl", "--request-timeout=30s"));
        command.addAll(List.of(args));
        Path out = dir.resolve("kubectl.out");
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
        builder.environment().put("KUBECONFIG", kubeconfig().toString());
        Process process = builder.start();
        assertTrue(process.waitFor(90, TimeUnit.SECONDS), "kubectl " + String.join(" ", args) + " did not finish");
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
    }

    private record Result(int code, String output) {}

    @Test
    void kubectlWorksFromTheKubeconfigAloneOverTls() throws Exception {
        try (KmockJar jar = serve("--tls")) {
            String text = Files.readString(kubeconfig());
            assertTrue(text.contains("server: https://127.0.0.1:"), text);
            assertTrue(text.contains("certificate-authority-data: "), text);
            Result create = kubectl("create", "namespace", "demo");
            assertEquals(0, create.code(), create.output());
            Result get = kubectl("get", "namespaces", "-o", "name");
            assertEquals(0, get.code(), get.output());
            assertTrue(get.output().contains("namespace/demo"), get.output());
        }
    }

    @Test
    void kubectlAuthWhoamiNamesTheClientCertificatesUser() throws Exception {
        try (KmockJar jar = serve("--tls")) {
            Result whoami =
                    kubectl("auth", "whoami", "-o", "jsonpath={.status.userInfo.username} {.status.userInfo.groups}");
            assertEquals(0, whoami.code(), whoami.output());
            assertEquals(
                    "kmock-admin [\"system:masters\",\"system:authenticated\"]",
                    whoami.output().trim());
        }
    }

    @Test
    void fabric8ReadsTheSameKubeconfig() throws Exception {
        try (KmockJar jar = serve("--tls");
                KubernetesClient client = new KubernetesClientBuilder()
                        .withConfig(Config.fromKubeconfig(Files.readString(kubeconfig())))
                        .build()) {
            List<String> names = client.namespaces().list().getItems().stream()
                    .map(ns -> ns.getMetadata().getName())
                    .toList();
            assertTrue(names.contains("default"), names.toString());
        }
    }

    @Test
    void clientJavaReadsTheSameKubeconfig() throws Exception {
        try (KmockJar jar = serve("--tls");
                Reader reader = new FileReader(kubeconfig().toFile(), StandardCharsets.UTF_8)) {
            ApiClient client =
                    ClientBuilder.kubeconfig(KubeConfig.loadKubeConfig(reader)).build();
            List<String> names = new CoreV1Api(client)
                    .listNamespace().execute().getItems().stream()
                            .map(ns -> ns.getMetadata().getName())
                            .toList();
            assertTrue(names.contains("default"), names.toString());
        }
    }

    @Test
    void aTokenLogsInAndAWrongTokenGets401() throws Exception {
        try (KmockJar jar = serve("--tls", "--token", "alice=s3cret")) {
            // The same cluster and CA, logging in with a token instead of the admin's certificate (which would win).
            String text = Files.readString(kubeconfig());
            Files.writeString(
                    kubeconfig(),
                    text.substring(0, text.indexOf("users:"))
                            + "users:\n- name: \"kmock-admin\"\n  user:\n    token: \"s3cret\"\n");
            Result whoami = kubectl("auth", "whoami", "-o", "jsonpath={.status.userInfo.username}");
            assertEquals(0, whoami.code(), whoami.output());
            assertEquals("alice", whoami.output().trim());
            Result wrong = kubectl("--token=wrong", "get", "namespaces");
            assertNotEquals(0, wrong.code());
            // kubectl words a 401 during discovery and one of a request differently; which it meets first depends on
            // whether its discovery cache already holds this server.
            assertTrue(
                    wrong.output().contains("the server has asked for the client to provide credentials")
                            || wrong.output().contains("You must be logged in to the server (Unauthorized"),
                    wrong.output());
        }
    }
}
