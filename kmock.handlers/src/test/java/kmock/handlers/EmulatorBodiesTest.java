package kmock.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import kmock.api.KResponse;

/**
 * Create and replace bodies in JSON's sibling media types: YAML is read here; Kubernetes protobuf needs
 * kmock-protobuf, which this module does not see, so it is a 415 that names the artifact and stores nothing.
 */
class EmulatorBodiesTest {

    private static final String CM = "/api/v1/namespaces/ns/configmaps";
    private static final Map<String, String> YAML = Map.of("Content-Type", "application/yaml");

    @RegisterExtension
    final Served served = new Served();

    private KubernetesEmulator kmock;

    @BeforeEach
    void start() {
        kmock = served.emulator();
    }

    private static byte[] text(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aYamlBodyIsCreatedAndReplacedLikeJson() {
        KResponse created = kmock.post(
                CM, text("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: y\ndata:\n  a: '1'\n  n: \"2\"\n"), YAML);
        assertEquals(201, created.status(), created.text());
        assertEquals(
                Map.of("a", "1", "n", "2"),
                kmock.objects().get("v1/configmaps", "ns", "y").get("data"));

        KResponse replaced = kmock.put(
                CM + "/y",
                text("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: y}\ndata: {a: changed}\n"),
                Map.of("Content-Type", "application/yaml; charset=utf-8"));
        assertEquals(200, replaced.status(), replaced.text());
        assertEquals(
                Map.of("a", "changed"),
                kmock.objects().get("v1/configmaps", "ns", "y").get("data"));
        assertEquals("changed", ((Map<?, ?>) ((Map<?, ?>) replaced.json()).get("data")).get("a"));
    }

    @Test
    void badYamlIsA400AndStoresNothing() {
        KResponse response = kmock.post(CM, text("metadata: {name: [unclosed\n"), YAML);
        assertEquals(400, response.status(), response.text());
        assertEquals("Status", ((Map<?, ?>) response.json()).get("kind"));
        assertTrue(message(response).contains("YAML"), message(response));
        assertEquals(Set.of(), kmock.objects().keys());
    }

    @Test
    void protobufWithoutKmockProtobufIsA415NamingTheArtifact() {
        KResponse response = kmock.post(
                CM,
                new byte[] {'k', '8', 's', 0, 0x0a, 0x00},
                Map.of("Content-Type", "application/vnd.kubernetes.protobuf"));
        assertEquals(415, response.status(), response.text());
        assertEquals("UnsupportedMediaType", ((Map<?, ?>) response.json()).get("reason"));
        assertTrue(message(response).contains("io.github.kmock:kmock-protobuf"), message(response));
        assertEquals(Set.of(), kmock.objects().keys());
    }

    @Test
    void anUnknownMediaTypeIsA415SayingWhatToSend() {
        KResponse response = kmock.post(CM, text("a=1"), Map.of("Content-Type", "application/x-www-form-urlencoded"));
        assertEquals(415, response.status(), response.text());
        assertTrue(message(response).contains("send application/json or application/yaml"), message(response));
        assertEquals(Set.of(), kmock.objects().keys());
    }

    private static String message(KResponse response) {
        return String.valueOf(((Map<?, ?>) response.json()).get("message"));
    }
}
