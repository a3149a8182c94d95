package kmock.it.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;

import kmock.handlers.KubernetesEmulator;
import kmock.it.transport.BothTransports;
import kmock.test.KMockExtension;

/** fabric8's {@code serverSideApply()}, as operators (the Java Operator SDK among them) use it against the emulator. */
@BothTransports
class Fabric8ServerSideApplyTest {

    /** A started emulator per test on the transport under test, closed after it. */
    @RegisterExtension
    final KMockExtension emulator;

    private KubernetesEmulator kmock;
    private KubernetesClient client;

    Fabric8ServerSideApplyTest(String transport) {
        emulator = KMockExtension.builder().transport(transport).build();
    }

    @BeforeEach
    void connect() {
        kmock = emulator.handler(KubernetesEmulator.class);
        kmock.resources().loadBundled();
        Config config = new ConfigBuilder(Config.empty())
                .withMasterUrl(emulator.server().url().toString())
                .withNamespace("default")
                .withRequestRetryBackoffLimit(0)
                .build();
        client = new KubernetesClientBuilder()
                .withConfig(config)
                .withHttpClientFactory(new JdkHttpClientFactory())
                .build();
    }

    @AfterEach
    void disconnect() {
        client.close();
    }

    private static ConfigMap configMap(Map<String, String> data) {
        return new ConfigMapBuilder()
                .withNewMetadata()
                .withName("cfg")
                .endMetadata()
                .withData(data)
                .build();
    }

    private static List<String> managers(ConfigMap object) {
        return object.getMetadata().getManagedFields().stream()
                .map(e -> e.getManager() + "/" + e.getOperation())
                .toList();
    }

    @Test
    void serverSideApplyCreatesTheObjectAndRecordsItsManager() {
        ConfigMap applied = client.configMaps()
                .resource(configMap(Map.of("a", "1")))
                .fieldManager("operator")
                .serverSideApply();
        assertEquals(Map.of("a", "1"), applied.getData());
        List<ManagedFieldsEntry> entries = applied.getMetadata().getManagedFields();
        assertEquals(1, entries.size());
        assertEquals("operator", entries.get(0).getManager());
        assertEquals("Apply", entries.get(0).getOperation());
        assertEquals("FieldsV1", entries.get(0).getFieldsType());
        assertEquals(
                Map.of("f:data", Map.of("f:a", Map.of())),
                entries.get(0).getFieldsV1().getAdditionalProperties());
    }

    @Test
    void anotherManagersApplyConflictsWithTheCauses() {
        client.configMaps()
                .resource(configMap(Map.of("a", "1")))
                .fieldManager("operator")
                .serverSideApply();
        KubernetesClientException conflict = assertThrows(KubernetesClientException.class, () -> client.configMaps()
                .resource(configMap(Map.of("a", "2")))
                .fieldManager("intruder")
                .serverSideApply());
        assertEquals(409, conflict.getCode());
        assertEquals("Conflict", conflict.getStatus().getReason());
        List<StatusCause> causes = conflict.getStatus().getDetails().getCauses();
        assertEquals(1, causes.size());
        assertEquals("FieldManagerConflict", causes.get(0).getReason());
        assertEquals(".data.a", causes.get(0).getField());
        assertEquals("conflict with \"operator\"", causes.get(0).getMessage());
        assertEquals("1", client.configMaps().withName("cfg").get().getData().get("a"));
    }

    @Test
    void forceConflictsTakesTheField() {
        client.configMaps()
                .resource(configMap(Map.of("a", "1", "b", "1")))
                .fieldManager("operator")
                .serverSideApply();
        ConfigMap forced = client.configMaps()
                .resource(configMap(Map.of("a", "2")))
                .fieldManager("intruder")
                .forceConflicts()
                .serverSideApply();
        assertEquals(Map.of("a", "2", "b", "1"), forced.getData());
        assertEquals(
                List.of("intruder/Apply", "operator/Apply"),
                managers(forced).stream().sorted().toList());
    }

    @Test
    void reapplyingWithoutAFieldRemovesIt() {
        client.configMaps()
                .resource(configMap(Map.of("a", "1", "b", "2")))
                .fieldManager("operator")
                .serverSideApply();
        ConfigMap reapplied = client.configMaps()
                .resource(configMap(Map.of("a", "1")))
                .fieldManager("operator")
                .serverSideApply();
        assertEquals(Map.of("a", "1"), reapplied.getData());
    }

    @Test
    void aPatchContextOfServerSideApplyIsTheSameApply() {
        client.configMaps().resource(configMap(Map.of("a", "1"))).create();
        ConfigMap patched = client.configMaps()
                .withName("cfg")
                .patch(
                        new PatchContext.Builder()
                                .withPatchType(PatchType.SERVER_SIDE_APPLY)
                                .withFieldManager("patcher")
                                .withForce(true)
                                .build(),
                        "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"cfg\"},\"data\":{\"a\":\"9\"}}");
        assertEquals("9", patched.getData().get("a"));
        assertTrue(
                managers(patched).contains("patcher/Apply"), managers(patched).toString());
        assertFalse(managers(patched).isEmpty());
    }
}
