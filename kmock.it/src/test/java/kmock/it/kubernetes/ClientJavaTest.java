package kmock.it.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.reflect.TypeToken;
import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.informer.ResourceEventHandler;
import io.kubernetes.client.informer.SharedIndexInformer;
import io.kubernetes.client.informer.SharedInformerFactory;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.AppsV1Api;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import io.kubernetes.client.openapi.apis.VersionApi;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1ConfigMapList;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.util.Config;
import io.kubernetes.client.util.PatchUtils;
import io.kubernetes.client.util.Watch;
import io.kubernetes.client.util.generic.GenericKubernetesApi;

import kmock.api.Action;
import kmock.handlers.KubernetesEmulator;
import kmock.it.transport.BothTransports;
import kmock.test.KMockExtension;

/** The official client-java against the emulator: version, CRUD, patch, selectors, watch, informer, conflicts. */
@BothTransports
class ClientJavaTest {

    /** A started emulator per test on the transport under test, closed after it. */
    @RegisterExtension
    final KMockExtension emulator;

    private KubernetesEmulator kmock;
    private ApiClient client;
    private CoreV1Api core;

    ClientJavaTest(String transport) {
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

    private static V1ConfigMap configMap(String name, Map<String, String> labels, Map<String, String> data) {
        return new V1ConfigMap()
                .metadata(new V1ObjectMeta().name(name).labels(labels))
                .data(data);
    }

    @Test
    void strategicMergePatchesMergeAsKubectlComputesThem(@TempDir Path dir) throws Exception {
        KubectlRunner kubectl = new KubectlRunner(dir, emulator);
        AppsV1Api apps = new AppsV1Api(client);
        for (Map.Entry<String, String> c : StrategicPatches.CASES.entrySet()) {
            String name = c.getKey().toLowerCase(Locale.ROOT);
            StrategicPatches.create(kmock, name);
            Map<String, Object> expected =
                    StrategicPatches.expected(kubectl, dir, StrategicPatches.stored(kmock, name), c.getValue());

            V1Deployment patched = PatchUtils.patch(
                    V1Deployment.class,
                    () -> apps.patchNamespacedDeployment(name, StrategicPatches.NAMESPACE, new V1Patch(c.getValue()))
                            .buildCall(null),
                    V1Patch.PATCH_FORMAT_STRATEGIC_MERGE_PATCH,
                    client);

            StrategicPatches.assertPatched(expected, StrategicPatches.stored(kmock, name), c.getKey());
            assertEquals(name, patched.getMetadata().getName());
        }
    }

    @Test
    void aStrategicMergePatchOfACustomResourceIsRefusedWith415() {
        kmock.post(
                "/apis/apiextensions.k8s.io/v1/customresourcedefinitions",
                Map.of(
                        "apiVersion",
                        "apiextensions.k8s.io/v1",
                        "kind",
                        "CustomResourceDefinition",
                        "metadata",
                        Map.of("name", "widgets.example.com"),
                        "spec",
                        Map.of(
                                "group",
                                "example.com",
                                "scope",
                                "Namespaced",
                                "names",
                                Map.of("kind", "Widget", "plural", "widgets"),
                                "versions",
                                List.of(Map.of(
                                        "name",
                                        "v1",
                                        "served",
                                        true,
                                        "storage",
                                        true,
                                        "schema",
                                        Map.of(
                                                "openAPIV3Schema",
                                                Map.of(
                                                        "type",
                                                        "object",
                                                        "x-kubernetes-preserve-unknown-fields",
                                                        true)))))));
        kmock.post(
                "/apis/example.com/v1/namespaces/default/widgets",
                Map.of(
                        "apiVersion",
                        "example.com/v1",
                        "kind",
                        "Widget",
                        "metadata",
                        Map.of("name", "w"),
                        "spec",
                        Map.of("size", 1)));
        CustomObjectsApi custom = new CustomObjectsApi(client);

        ApiException refused = assertThrows(
                ApiException.class,
                () -> PatchUtils.patch(
                        Object.class,
                        () -> custom.patchNamespacedCustomObject(
                                        "example.com",
                                        "v1",
                                        "default",
                                        "widgets",
                                        "w",
                                        new V1Patch("{\"spec\":{\"size\":2}}"))
                                .buildCall(null),
                        V1Patch.PATCH_FORMAT_STRATEGIC_MERGE_PATCH,
                        client));
        assertEquals(415, refused.getCode());
        assertTrue(refused.getResponseBody().contains("application/merge-patch+json"), refused.getResponseBody());
    }

    @Test
    void versionParsesWithTheStrictModel() throws ApiException {
        assertNotNull(new VersionApi(client).getCode().execute().getGitVersion());
    }

    @Test
    void configMapGoesThroughItsWholeLife() throws ApiException {
        V1ConfigMap created = core.createNamespacedConfigMap(
                        "default", configMap("cfg", Map.of("app", "web"), Map.of("a", "1")))
                .execute();
        assertNotNull(created.getMetadata().getUid());
        assertEquals(
                "1",
                core.readNamespacedConfigMap("cfg", "default")
                        .execute()
                        .getData()
                        .get("a"));

        V1ConfigMap replaced = core.replaceNamespacedConfigMap("cfg", "default", created.data(Map.of("a", "2")))
                .execute();
        assertEquals("2", replaced.getData().get("a"));

        PatchUtils.patch(
                V1ConfigMap.class,
                () -> core.patchNamespacedConfigMap("cfg", "default", new V1Patch("{\"data\":{\"b\":\"3\"}}"))
                        .buildCall(null),
                V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH,
                client);
        assertEquals(
                Map.of("a", "2", "b", "3"),
                core.readNamespacedConfigMap("cfg", "default").execute().getData());

        core.deleteNamespacedConfigMap("cfg", "default").execute();
        ApiException missing = assertThrows(ApiException.class, () -> core.readNamespacedConfigMap("cfg", "default")
                .execute());
        assertEquals(404, missing.getCode());
    }

    @Test
    void baseUrlWithItsTrailingSlashWorksAsIs() throws ApiException {
        // kmock.url() ends in "/", so client-java sends "//api/v1/…": a path, served like "/api/v1/…".
        ApiClient slashed = Config.fromUrl(emulator.server().url().toString(), false);
        CoreV1Api api = new CoreV1Api(slashed);
        try {
            api.createNamespacedConfigMap("default", configMap("slashed", Map.of(), Map.of("a", "1")))
                    .execute();
            assertEquals(
                    "1",
                    api.readNamespacedConfigMap("slashed", "default")
                            .execute()
                            .getData()
                            .get("a"));
            assertEquals(
                    List.of("slashed"),
                    api.listNamespacedConfigMap("default").execute().getItems().stream()
                            .map(c -> c.getMetadata().getName())
                            .toList());
            assertNotNull(new VersionApi(slashed).getCode().execute().getGitVersion());
            assertTrue(
                    kmock.requests().stream().allMatch(r -> r.url().getRawPath().startsWith("//")));
        } finally {
            slashed.getHttpClient().dispatcher().executorService().shutdownNow();
            slashed.getHttpClient().connectionPool().evictAll();
        }
    }

    @Test
    void labelSelectorFiltersTheList() throws ApiException {
        core.createNamespacedConfigMap("default", configMap("web", Map.of("app", "web"), Map.of()))
                .execute();
        core.createNamespacedConfigMap("default", configMap("db", Map.of("app", "db"), Map.of()))
                .execute();
        V1ConfigMapList list = core.listNamespacedConfigMap("default")
                .labelSelector("app in (web)")
                .execute();
        assertEquals(
                List.of("web"),
                list.getItems().stream().map(c -> c.getMetadata().getName()).toList());
        assertNotNull(list.getMetadata().getResourceVersion());
    }

    @Test
    void staleReplaceConflicts() throws ApiException {
        V1ConfigMap created = core.createNamespacedConfigMap("default", configMap("c", Map.of(), Map.of("n", "0")))
                .execute();
        core.replaceNamespacedConfigMap(
                        "c",
                        "default",
                        configMap("c", Map.of(), Map.of("n", "1"))
                                .metadata(new V1ObjectMeta()
                                        .name("c")
                                        .resourceVersion(created.getMetadata().getResourceVersion())))
                .execute();
        ApiException conflict =
                assertThrows(ApiException.class, () -> core.replaceNamespacedConfigMap("c", "default", created)
                        .execute());
        assertEquals(409, conflict.getCode());
    }

    @Test
    void watchStreamsEvents() throws Exception {
        try (Watch<V1ConfigMap> watch = Watch.createWatch(
                client,
                core.listNamespacedConfigMap("default").watch(true).buildCall(null),
                new TypeToken<Watch.Response<V1ConfigMap>>() {}.getType())) {
            core.createNamespacedConfigMap("default", configMap("w", Map.of(), Map.of()))
                    .execute();
            Watch.Response<V1ConfigMap> added = watch.next();
            assertEquals("ADDED", added.type);
            assertEquals("w", added.object.getMetadata().getName());
            core.deleteNamespacedConfigMap("w", "default").execute();
            assertEquals("DELETED", watch.next().type);
        }
    }

    @Test
    void informerSyncsAndFollowsChangesThroughItsWatch() throws Exception {
        core.createNamespacedConfigMap("default", configMap("before", Map.of(), Map.of()))
                .execute();
        SharedInformerFactory factory = new SharedInformerFactory(client);
        GenericKubernetesApi<V1ConfigMap, V1ConfigMapList> api =
                new GenericKubernetesApi<>(V1ConfigMap.class, V1ConfigMapList.class, "", "v1", "configmaps", client);
        SharedIndexInformer<V1ConfigMap> informer =
                factory.sharedIndexInformerFor(api, V1ConfigMap.class, 0L, "default");
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        informer.addEventHandler(new ResourceEventHandler<>() {
            @Override
            public void onAdd(V1ConfigMap object) {
                events.add("add " + object.getMetadata().getName());
            }

            @Override
            public void onUpdate(V1ConfigMap old, V1ConfigMap object) {
                if (!old.getMetadata()
                        .getResourceVersion()
                        .equals(object.getMetadata().getResourceVersion())) {
                    events.add("update " + object.getMetadata().getName());
                }
            }

            @Override
            public void onDelete(V1ConfigMap object, boolean unknownFinalState) {
                events.add("delete " + object.getMetadata().getName());
            }
        });
        factory.startAllRegisteredInformers();
        try {
            Await.until("the informer synced", informer::hasSynced);
            assertEquals("add before", events.poll(30, TimeUnit.SECONDS));
            Await.until("the informer's watch is open", () -> !kmock.on(Action.WATCH, "configmaps.v1")
                    .isEmpty());
            int lists = kmock.on(Action.LIST, "configmaps.v1").size();
            core.createNamespacedConfigMap("default", configMap("after", Map.of(), Map.of()))
                    .execute();
            assertEquals("add after", events.poll(30, TimeUnit.SECONDS));
            core.replaceNamespacedConfigMap("after", "default", configMap("after", Map.of(), Map.of("k", "v")))
                    .execute();
            assertEquals("update after", events.poll(30, TimeUnit.SECONDS));
            core.deleteNamespacedConfigMap("after", "default").execute();
            assertEquals("delete after", events.poll(30, TimeUnit.SECONDS));
            assertTrue(
                    kmock.on(Action.LIST, "configmaps.v1").size() == lists,
                    "the events came by the watch, not by relisting");
        } finally {
            factory.stopAllRegisteredInformers(true);
        }
    }
}
