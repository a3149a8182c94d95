package kmock.it.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.AppsV1Api;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.util.Config;
import io.kubernetes.client.util.PatchUtils;

import kmock.handlers.KubernetesEmulator;
import kmock.it.transport.BothTransports;
import kmock.test.KMockExtension;

/** client-java's server-side apply ({@code PatchUtils} with the apply-yaml format) against the emulator. */
@BothTransports
class ClientJavaServerSideApplyTest {

    private static final String CM = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  a: '%s'\n";

    /** A started emulator per test on the transport under test, closed after it. */
    @RegisterExtension
    final KMockExtension emulator;

    private KubernetesEmulator kmock;
    private ApiClient client;
    private CoreV1Api core;

    ClientJavaServerSideApplyTest(String transport) {
        emulator = KMockExtension.builder().transport(transport).build();
    }

    @BeforeEach
    void connect() {
        kmock = emulator.handler(KubernetesEmulator.class);
        kmock.resources().loadBundled();
        client = Config.fromUrl(emulator.server().url().toString().replaceAll("/$", ""), false);
        client.setHttpClient(client.getHttpClient()
                .newBuilder()
                .readTimeout(0, TimeUnit.SECONDS)
                .build());
        core = new CoreV1Api(client);
    }

    @AfterEach
    void disconnect() {
        client.getHttpClient().dispatcher().executorService().shutdownNow();
        client.getHttpClient().connectionPool().evictAll();
    }

    private V1ConfigMap apply(String manager, String yaml, boolean force) throws ApiException {
        return PatchUtils.patch(
                V1ConfigMap.class,
                () -> core.patchNamespacedConfigMap("cfg", "default", new V1Patch(yaml))
                        .fieldManager(manager)
                        .force(force)
                        .buildCall(null),
                V1Patch.PATCH_FORMAT_APPLY_YAML,
                client);
    }

    /** The stored managedFields: client-java's models leave managedFields out when they read a response. */
    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> storedManagedFields(String resource, String name) {
        Map<String, Object> meta = (Map<String, Object>)
                kmock.objects().get(resource, "default", name).get("metadata");
        return (List<Map<String, Object>>) meta.get("managedFields");
    }

    @Test
    void applyYamlCreatesAndRecordsTheManager() throws ApiException {
        V1ConfigMap applied = apply("java-operator", CM.formatted("1"), false);
        assertEquals(Map.of("a", "1"), applied.getData());
        List<Map<String, Object>> entries = storedManagedFields("v1/configmaps", "cfg");
        assertEquals(1, entries.size());
        assertEquals("java-operator", entries.get(0).get("manager"));
        assertEquals("Apply", entries.get(0).get("operation"));
        assertEquals("v1", entries.get(0).get("apiVersion"));
        assertEquals(Map.of("f:data", Map.of("f:a", Map.of())), entries.get(0).get("fieldsV1"));
    }

    @Test
    void aConflictIsA409WhoseBodyNamesTheFieldAndTheManager() throws ApiException {
        apply("java-operator", CM.formatted("1"), false);
        ApiException conflict = assertThrows(ApiException.class, () -> apply("other", CM.formatted("2"), false));
        assertEquals(409, conflict.getCode());
        assertTrue(
                conflict.getResponseBody().contains("\"reason\":\"FieldManagerConflict\""), conflict.getResponseBody());
        assertTrue(
                conflict.getResponseBody()
                        .contains("Apply failed with 1 conflict: conflict with \\\"java-operator\\\": .data.a"),
                conflict.getResponseBody());
        V1ConfigMap forced = apply("other", CM.formatted("2"), true);
        assertEquals("2", forced.getData().get("a"));
        assertEquals("other", storedManagedFields("v1/configmaps", "cfg").get(0).get("manager"));
    }

    @Test
    void aDeploymentAppliedWithItsContainersIsTypedBackByTheStrictModel() throws ApiException {
        AppsV1Api apps = new AppsV1Api(client);
        String yaml = """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web}
                spec:
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: web}}
                    spec:
                      containers:
                      - {name: web, image: 'nginx:1.27', ports: [{containerPort: 80}]}
                """;
        V1Deployment applied = PatchUtils.patch(
                V1Deployment.class,
                () -> apps.patchNamespacedDeployment("web", "default", new V1Patch(yaml))
                        .fieldManager("java")
                        .buildCall(null),
                V1Patch.PATCH_FORMAT_APPLY_YAML,
                client);
        assertEquals(
                "nginx:1.27",
                applied.getSpec().getTemplate().getSpec().getContainers().get(0).getImage());
        Object fields = storedManagedFields("apps/v1/deployments", "web").get(0).get("fieldsV1");
        assertTrue(
                String.valueOf(fields).contains("k:{\"containerPort\":80,\"protocol\":\"TCP\"}"),
                String.valueOf(fields));
    }
}
