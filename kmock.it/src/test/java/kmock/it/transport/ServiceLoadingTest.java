package kmock.it.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kmock.api.Response;
import kmock.api.Server;

/** Transports are found with ServiceLoader on the class path and the module path, and chosen by name or priority. */
class ServiceLoadingTest {

    @TempDir
    Path dir;

    @Test
    void jettyWinsByPriorityWhenBothArePresent() {
        String previous = System.clearProperty("kmock.transport");
        try (Server server = Server.builder(request -> Response.of(200)).start()) {
            assertEquals("jetty", server.transport());
        } finally {
            restore(previous);
        }
    }

    @Test
    void systemPropertyChoosesTheTransport() {
        String previous = System.setProperty("kmock.transport", "jdk");
        try (Server server = Server.builder(request -> Response.of(200)).start()) {
            assertEquals("jdk", server.transport());
        } finally {
            restore(previous);
        }
    }

    @Test
    void anUnknownTransportNameListsThePresentOnes() {
        IllegalStateException failure = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalStateException.class, () -> Server.builder(request -> Response.of(200))
                        .transport("netty")
                        .start());
        assertTrue(
                failure.getMessage().contains("No KMock transport named 'netty'; present: jetty, jdk"),
                failure.getMessage());
    }

    @Test
    void aConsumerModuleThatRequiresOnlyTheApiRunsOnTheModulePath() throws Exception {
        Path source = dir.resolve("src");
        Files.createDirectories(source.resolve("consumer"));
        Files.writeString(source.resolve("module-info.java"), "module consumer { requires kmock.api; }\n");
        Files.writeString(
                source.resolve("consumer/Main.java"),
                String.join(
                        "\n",
                        "package consumer;",
                        "import kmock.api.*;",
                        "public class Main {",
                        "  public static void main(String[] args) {",
                        "    try (Server server = Server.builder(request -> Response.of(200, \"hi\".getBytes())).start()) {",
                        "      System.out.println(server.client().get(\"/\").text() + \" via \" + server.transport());",
                        "    }",
                        "  }",
                        "}",
                        ""));
        Path classes = dir.resolve("classes");
        String api = location(Server.class);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int compiled = javac.run(
                null,
                null,
                null,
                "-d",
                classes.toString(),
                "--module-path",
                api,
                source.resolve("module-info.java").toString(),
                source.resolve("consumer/Main.java").toString());
        assertEquals(0, compiled, "the consumer module compiles against kmock.api alone");
        String modulePath = String.join(
                File.pathSeparator,
                api,
                location(Class.forName("kmock.transport.jdk.JdkTransport")),
                classes.toString());
        assertEquals(
                "hi via jdk",
                run("--module-path", modulePath, "--add-modules", "ALL-MODULE-PATH", "-m", "consumer/consumer.Main"));
    }

    @Test
    void aConsumerModuleOnTheModulePathStoresKubectlsProtobufThroughKmockProtobuf() throws Exception {
        // What kubectl create configmap m --from-literal=a=1 sends: k8s\0, then runtime.Unknown around the ConfigMap.
        byte[] configMap = io.kubernetes.client.proto.V1.ConfigMap.newBuilder()
                .setMetadata(
                        io.kubernetes.client.proto.Meta.ObjectMeta.newBuilder().setName("m"))
                .putData("a", "1")
                .build()
                .toByteArray();
        byte[] unknown = io.kubernetes.client.proto.Runtime.Unknown.newBuilder()
                .setTypeMeta(io.kubernetes.client.proto.Runtime.TypeMeta.newBuilder()
                        .setApiVersion("v1")
                        .setKind("ConfigMap"))
                .setRaw(com.google.protobuf.ByteString.copyFrom(configMap))
                .build()
                .toByteArray();
        String body = "6b387300" + java.util.HexFormat.of().formatHex(unknown);
        Path source = dir.resolve("src");
        Files.createDirectories(source.resolve("consumer"));
        Files.writeString(source.resolve("module-info.java"), "module consumer { requires kmock.handlers; }\n");
        Files.writeString(
                source.resolve("consumer/Main.java"),
                String.join(
                        "\n",
                        "package consumer;",
                        "import java.util.Map;",
                        "import kmock.api.*;",
                        "import kmock.handlers.KubernetesEmulator;",
                        "public class Main {",
                        "  public static void main(String[] args) {",
                        "    try (KubernetesEmulator kmock = new KubernetesEmulator(); Server server = Server.builder(kmock).start()) {",
                        "      kmock.resources().loadBundled();",
                        "      KResponse response = kmock.post(\"/api/v1/namespaces/default/configmaps\", java.util.HexFormat.of().parseHex(args[0]),",
                        "          Map.of(\"Content-Type\", \"application/vnd.kubernetes.protobuf\"));",
                        "      System.out.println(response.status() + \" \" + kmock.objects().get(\"v1/configmaps\", \"default\", \"m\").get(\"data\"));",
                        "    }",
                        "  }",
                        "}",
                        ""));
        String modulePath = String.join(
                File.pathSeparator,
                location(Server.class),
                location(kmock.handlers.KubernetesEmulator.class),
                location(com.fasterxml.jackson.databind.ObjectMapper.class),
                location(com.fasterxml.jackson.core.JsonFactory.class),
                location(com.fasterxml.jackson.annotation.JsonProperty.class),
                location(com.fasterxml.jackson.dataformat.yaml.YAMLFactory.class),
                location(org.yaml.snakeyaml.Yaml.class),
                location(Class.forName("kmock.transport.jdk.JdkTransport")),
                location(Class.forName("kmock.internal.protobuf.KubernetesProtobufDecoder")),
                location(com.google.protobuf.Message.class));
        Path classes = dir.resolve("classes");
        assertEquals(
                0,
                ToolProvider.getSystemJavaCompiler()
                        .run(
                                null,
                                null,
                                null,
                                "-d",
                                classes.toString(),
                                "--module-path",
                                modulePath,
                                source.resolve("module-info.java").toString(),
                                source.resolve("consumer/Main.java").toString()));
        // No --add-modules: service binding alone brings in the transport and the decoder (uses/provides).
        assertEquals(
                "201 {a=1}",
                run("--module-path", modulePath + File.pathSeparator + classes, "-m", "consumer/consumer.Main", body));
    }

    @Test
    void withoutKmockProtobufAProtobufCreateIsA415NamingItAndABrokenDecoderLeavesJsonWorking() throws Exception {
        // A class path without kmock-protobuf, but with a decoder registration whose class is missing.
        Path services = dir.resolve("broken/META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve("kmock.spi.BodyDecoder"), "no.such.ProtobufDecoder\n");
        Path source = dir.resolve("Bodies.java");
        Files.writeString(
                source,
                String.join(
                        "\n",
                        "import java.util.Map;",
                        "import kmock.api.*;",
                        "import kmock.handlers.KubernetesEmulator;",
                        "public class Bodies {",
                        "  public static void main(String[] args) {",
                        "    try (KubernetesEmulator kmock = new KubernetesEmulator(); Server server = Server.builder(kmock).start()) {",
                        "      kmock.resources().loadBundled();",
                        "      KResponse protobuf = kmock.post(\"/api/v1/namespaces\", new byte[] {'k', '8', 's', 0},",
                        "          Map.of(\"Content-Type\", \"application/vnd.kubernetes.protobuf\"));",
                        "      KResponse json = kmock.post(\"/api/v1/namespaces\", Map.of(\"metadata\", Map.of(\"name\", \"ok\")));",
                        "      System.out.println(protobuf.status() + \" \" + json.status() + \" \" + kmock.objects().keys().size());",
                        "      System.out.println(((Map<?, ?>) protobuf.json()).get(\"message\"));",
                        "    }",
                        "  }",
                        "}",
                        ""));
        String classPath = String.join(
                File.pathSeparator,
                location(Server.class),
                location(kmock.handlers.KubernetesEmulator.class),
                location(com.fasterxml.jackson.databind.ObjectMapper.class),
                location(com.fasterxml.jackson.core.JsonFactory.class),
                location(com.fasterxml.jackson.annotation.JsonProperty.class),
                location(com.fasterxml.jackson.dataformat.yaml.YAMLFactory.class),
                location(org.yaml.snakeyaml.Yaml.class),
                location(Class.forName("kmock.transport.jdk.JdkTransport")),
                dir.resolve("broken").toString());
        Path classes = dir.resolve("bodies");
        assertEquals(
                0,
                ToolProvider.getSystemJavaCompiler()
                        .run(null, null, null, "-d", classes.toString(), "-cp", classPath, source.toString()));
        String output = run("-cp", classPath + File.pathSeparator + classes, "Bodies");
        assertTrue(
                output.lines().anyMatch("415 201 1"::equals),
                "protobuf refused, JSON created, only the JSON object stored: " + output);
        assertTrue(output.contains("add io.github.kmock:kmock-protobuf"), output);
        assertTrue(
                output.contains("kmock.spi.BodyDecoder on the path failed to load")
                        && output.contains("no.such.ProtobufDecoder"),
                output);
    }

    @Test
    void withoutATransportTheErrorNamesBothArtifacts() throws Exception {
        Path source = dir.resolve("Bare.java");
        Files.writeString(
                source,
                String.join(
                        "\n",
                        "public class Bare {",
                        "  public static void main(String[] args) {",
                        "    try { kmock.api.Server.builder(r -> kmock.api.Response.of(200)).start(); }",
                        "    catch (IllegalStateException e) { System.out.println(e.getMessage()); }",
                        "  }",
                        "}",
                        ""));
        Path classes = dir.resolve("bare");
        assertEquals(
                0,
                ToolProvider.getSystemJavaCompiler()
                        .run(
                                null,
                                null,
                                null,
                                "-d",
                                classes.toString(),
                                "-cp",
                                location(Server.class),
                                source.toString()));
        String message =
                run("-cp", String.join(File.pathSeparator, location(Server.class), classes.toString()), "Bare");
        assertTrue(message.contains("kmock-transport-jdk") && message.contains("kmock-transport-jetty"), message);
    }

    private static String location(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
    }

    private String run(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(args));
        Path out = dir.resolve("out-" + System.nanoTime() + ".txt");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(out.toFile())
                .start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the subprocess did not finish");
        String output = Files.readString(out, StandardCharsets.UTF_8).trim();
        assertEquals(0, process.exitValue(), output);
        return output;
    }

    private static void restore(String previous) {
        if (previous == null) {
            System.clearProperty("kmock.transport");
        } else {
            System.setProperty("kmock.transport", previous);
        }
    }
}
