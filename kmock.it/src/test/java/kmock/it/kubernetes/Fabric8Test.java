package kmock.it.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;

import kmock.api.Action;
import kmock.handlers.KubernetesEmulator;
import kmock.it.transport.BothTransports;
import kmock.test.KMockExtension;

/** The fabric8 client against the emulator: CRUD, patches, selectors, watches, informers, conflicts, finalizers. */
@BothTransports
class Fabric8Test {

    @TempDir
    Path dir;

    /** A started emulator per test on the transport under test, closed after it. */
    @RegisterExtension
    final KMockExtension emulator;

    private KubernetesEmulator kmock;
    private KubernetesClient client;

    Fabric8Test(String transport) {
        emulator = KMockExtension.builder().transport(transport).build();
    }

    /** The fabric8 HTTP client implementation: its JDK client here, Vert.x in {@link Fabric8VertxTest}. */
    HttpClient.Factory httpClientFactory() {
        return new JdkHttpClientFactory();
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
                .withHttpClientFactory(httpClientFactory())
                .build();
    }

    @AfterEach
    void disconnect() {
        client.close();
    }

    private static ConfigMap configMap(String name, Map<String, String> labels, Map<String, String> data) {
        return new ConfigMapBuilder()
                .withNewMetadata()
                .withName(name)
                .withLabels(labels)
                .endMetadata()
                .withData(data)
                .build();
    }

    @Test
    void configMapGoesThroughItsWholeLife() {
        ConfigMap created = client.configMaps()
                .resource(configMap("cfg", Map.of("app", "web"), Map.of("a", "1")))
                .create();
        assertNotNull(created.getMetadata().getUid());
        assertNotNull(created.getMetadata().getResourceVersion());
        assertEquals("default", created.getMetadata().getNamespace());

        assertEquals("1", client.configMaps().withName("cfg").get().getData().get("a"));
        assertEquals(
                List.of("cfg"),
                client.configMaps().list().getItems().stream()
                        .map(c -> c.getMetadata().getName())
                        .toList());

        ConfigMap edited = client.configMaps()
                .withName("cfg")
                .edit(c -> new ConfigMapBuilder(c).addToData("b", "2").build());
        assertEquals(Map.of("a", "1", "b", "2"), edited.getData());
        assertTrue(Long.parseLong(edited.getMetadata().getResourceVersion())
                > Long.parseLong(created.getMetadata().getResourceVersion()));

        client.configMaps().withName("cfg").delete();
        Await.until(
                "the config map is gone",
                () -> client.configMaps().withName("cfg").get() == null);
        assertTrue(kmock.objects().get("v1/configmaps", "default", "cfg").deleted());
    }

    @Test
    void everyPatchTypeApplies() {
        client.configMaps()
                .resource(configMap("cfg", Map.of(), Map.of("a", "1", "b", "2")))
                .create();
        client.configMaps()
                .withName("cfg")
                .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"data\":{\"b\":null,\"c\":\"3\"}}");
        assertEquals(
                Map.of("a", "1", "c", "3"),
                client.configMaps().withName("cfg").get().getData());

        client.configMaps()
                .withName("cfg")
                .patch(PatchContext.of(PatchType.JSON), "[{\"op\":\"replace\",\"path\":\"/data/a\",\"value\":\"9\"}]");
        assertEquals("9", client.configMaps().withName("cfg").get().getData().get("a"));

        client.configMaps()
                .withName("cfg")
                .patch(PatchContext.of(PatchType.STRATEGIC_MERGE), "{\"data\":{\"d\":\"4\"}}");
        assertEquals("4", client.configMaps().withName("cfg").get().getData().get("d"));

        ConfigMap applied = client.configMaps()
                .resource(configMap("applied", Map.of(), Map.of("x", "y")))
                .fieldManager("kmock-test")
                .forceConflicts()
                .serverSideApply();
        assertEquals(Map.of("x", "y"), applied.getData());
        assertEquals(
                Map.of("x", "y"), client.configMaps().withName("applied").get().getData());
    }

    @Test
    void strategicMergePatchesMergeAsKubectlComputesThem() throws Exception {
        KubectlRunner kubectl = new KubectlRunner(dir, emulator);
        for (Map.Entry<String, String> c : StrategicPatches.CASES.entrySet()) {
            String name = c.getKey().toLowerCase(Locale.ROOT);
            StrategicPatches.create(kmock, name);
            Map<String, Object> expected =
                    StrategicPatches.expected(kubectl, dir, StrategicPatches.stored(kmock, name), c.getValue());

            Deployment patched = client.apps()
                    .deployments()
                    .withName(name)
                    .patch(PatchContext.of(PatchType.STRATEGIC_MERGE), c.getValue());

            StrategicPatches.assertPatched(expected, StrategicPatches.stored(kmock, name), c.getKey());
            assertEquals(
                    ((Map<?, ?>) StrategicPatches.stored(kmock, name).get("metadata")).get("resourceVersion"),
                    patched.getMetadata().getResourceVersion(),
                    "fabric8 gets the stored object back");
        }
    }

    @Test
    void aStrategicMergePatchOfACustomResourceIsRefusedWith415() {
        client.apiextensions()
                .v1()
                .customResourceDefinitions()
                .resource(kopfExampleDefinition())
                .create();
        GenericKubernetesResource example = new GenericKubernetesResourceBuilder()
                .withApiVersion("kopf.dev/v1")
                .withKind("KopfExample")
                .withNewMetadata()
                .withName("ex1")
                .endMetadata()
                .withAdditionalProperties(Map.of("spec", Map.of("duration", 5)))
                .build();
        client.genericKubernetesResources("kopf.dev/v1", "KopfExample")
                .resource(example)
                .create();

        KubernetesClientException refused = assertThrows(
                KubernetesClientException.class, () -> client.genericKubernetesResources("kopf.dev/v1", "KopfExample")
                        .withName("ex1")
                        .patch(PatchContext.of(PatchType.STRATEGIC_MERGE), "{\"spec\":{\"duration\":6}}"));
        assertEquals(415, refused.getCode());
        assertTrue(refused.getMessage().contains("application/merge-patch+json"), refused.getMessage());
    }

    @Test
    void labelAndFieldSelectorsFilterLists() {
        client.configMaps()
                .resource(configMap("web", Map.of("app", "web", "tier", "front"), Map.of()))
                .create();
        client.configMaps()
                .resource(configMap("db", Map.of("app", "db", "tier", "back"), Map.of()))
                .create();
        client.configMaps().resource(configMap("bare", Map.of(), Map.of())).create();

        assertEquals(
                List.of("web"),
                names(client.configMaps().withLabel("app", "web").list().getItems()));
        assertEquals(
                List.of("bare", "db"),
                sorted(names(
                        client.configMaps().withoutLabel("app", "web").list().getItems())));
        assertEquals(
                List.of("db", "web"),
                sorted(names(client.configMaps()
                        .withLabelIn("tier", "front", "back")
                        .list()
                        .getItems())));
        assertEquals(
                List.of("bare"),
                names(client.configMaps().withoutLabel("app").list().getItems()));
        assertEquals(
                List.of("db"),
                names(client.configMaps()
                        .withField("metadata.name", "db")
                        .list()
                        .getItems()));
    }

    @Test
    @SuppressWarnings("try") // the watch is only held open by the try, never called
    void watchSeesAddedModifiedAndDeleted() throws Exception {
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        try (Watch watch = client.configMaps().watch(new Watcher<>() {
            @Override
            public void eventReceived(Action action, ConfigMap resource) {
                events.add(action + " " + resource.getMetadata().getName());
            }

            @Override
            public void onClose(WatcherException cause) {
                events.add("CLOSED " + cause);
            }
        })) {
            client.configMaps()
                    .resource(configMap("w", Map.of(), Map.of("a", "1")))
                    .create();
            assertEquals("ADDED w", events.poll(30, TimeUnit.SECONDS));
            client.configMaps()
                    .withName("w")
                    .edit(c -> new ConfigMapBuilder(c).addToData("b", "2").build());
            assertEquals("MODIFIED w", events.poll(30, TimeUnit.SECONDS));
            client.configMaps().withName("w").delete();
            assertEquals("DELETED w", events.poll(30, TimeUnit.SECONDS));
        }
    }

    @Test
    void informerSyncsAndFollowsChangesThroughItsWatch() throws Exception {
        client.configMaps().resource(configMap("before", Map.of(), Map.of())).create();
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        SharedIndexInformer<ConfigMap> informer = client.configMaps()
                .inform(
                        new ResourceEventHandler<>() {
                            @Override
                            public void onAdd(ConfigMap object) {
                                events.add("add " + object.getMetadata().getName());
                            }

                            @Override
                            public void onUpdate(ConfigMap old, ConfigMap object) {
                                if (!old.getMetadata()
                                        .getResourceVersion()
                                        .equals(object.getMetadata().getResourceVersion())) {
                                    events.add("update " + object.getMetadata().getName());
                                }
                            }

                            @Override
                            public void onDelete(ConfigMap object, boolean unknownFinalState) {
                                events.add("delete " + object.getMetadata().getName());
                            }
                        },
                        0);
        try {
            informer.hasSynced();
            Await.until("the informer synced", informer::hasSynced);
            assertEquals("add before", events.poll(30, TimeUnit.SECONDS));
            Await.until("the informer's watch is open", () -> !kmock.on(Action.WATCH, "configmaps.v1")
                    .isEmpty());
            int listsAfterSync = kmock.on(Action.LIST, "configmaps.v1").size();

            client.configMaps().resource(configMap("after", Map.of(), Map.of())).create();
            assertEquals("add after", events.poll(30, TimeUnit.SECONDS));
            client.configMaps()
                    .withName("after")
                    .edit(c -> new ConfigMapBuilder(c).addToData("k", "v").build());
            assertEquals("update after", events.poll(30, TimeUnit.SECONDS));
            client.configMaps().withName("after").delete();
            assertEquals("delete after", events.poll(30, TimeUnit.SECONDS));
            assertEquals(
                    listsAfterSync,
                    kmock.on(Action.LIST, "configmaps.v1").size(),
                    "the events came by the watch, not by relisting");
        } finally {
            informer.close();
        }
    }

    @Test
    void staleResourceVersionConflicts() {
        ConfigMap created = client.configMaps()
                .resource(configMap("c", Map.of(), Map.of("n", "0")))
                .create();
        client.configMaps()
                .withName("c")
                .edit(c -> new ConfigMapBuilder(c).addToData("n", "1").build());
        KubernetesClientException conflict = assertThrows(KubernetesClientException.class, () -> client.configMaps()
                .resource(new ConfigMapBuilder(created).addToData("n", "2").build())
                .update());
        assertEquals(409, conflict.getCode());
        assertEquals("1", client.configMaps().withName("c").get().getData().get("n"));
    }

    @Test
    void finalizersHoldDeletionUntilRemoved() {
        client.configMaps()
                .resource(new ConfigMapBuilder(configMap("f", Map.of(), Map.of()))
                        .editMetadata()
                        .withFinalizers("kmock.test/hold")
                        .endMetadata()
                        .build())
                .create();
        client.configMaps().withName("f").delete();
        ConfigMap held = client.configMaps().withName("f").get();
        assertNotNull(held, "a finalizer keeps the object");
        assertNotNull(held.getMetadata().getDeletionTimestamp());

        client.configMaps().withName("f").edit(c -> new ConfigMapBuilder(c)
                .editMetadata()
                .withFinalizers(List.of())
                .endMetadata()
                .build());
        Await.until(
                "the object is deleted once its finalizers are gone",
                () -> client.configMaps().withName("f").get() == null);
    }

    @Test
    void customResourcesWorkOnceTheirDefinitionIsCreated() {
        client.apiextensions()
                .v1()
                .customResourceDefinitions()
                .resource(kopfExampleDefinition())
                .create();

        GenericKubernetesResource example = new GenericKubernetesResourceBuilder()
                .withApiVersion("kopf.dev/v1")
                .withKind("KopfExample")
                .withNewMetadata()
                .withName("ex1")
                .endMetadata()
                .withAdditionalProperties(Map.of("spec", Map.of("duration", 5)))
                .build();
        client.genericKubernetesResources("kopf.dev/v1", "KopfExample")
                .resource(example)
                .create();

        GenericKubernetesResource fetched = client.genericKubernetesResources("kopf.dev/v1", "KopfExample")
                .withName("ex1")
                .get();
        assertEquals(Map.of("duration", 5), fetched.getAdditionalProperties().get("spec"));
        assertEquals(
                1,
                client.genericKubernetesResources("kopf.dev/v1", "KopfExample")
                        .list()
                        .getItems()
                        .size());
    }

    @Test
    void deleteCollectionHonoursTheSelector() {
        client.configMaps()
                .resource(configMap("a", Map.of("drop", "yes"), Map.of()))
                .create();
        client.configMaps()
                .resource(configMap("b", Map.of("drop", "yes"), Map.of()))
                .create();
        client.configMaps()
                .resource(configMap("keep", Map.of("drop", "no"), Map.of()))
                .create();
        client.configMaps().withLabel("drop", "yes").delete();
        Await.until(
                "only the kept one remains",
                () -> names(client.configMaps().list().getItems()).equals(List.of("keep")));
    }

    @Test
    void namespacesAreOrdinaryClusterScopedObjects() {
        client.namespaces()
                .resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName("team-a")
                        .endMetadata()
                        .build())
                .create();
        assertTrue(names(client.namespaces().list().getItems()).contains("team-a"));
        client.configMaps()
                .inNamespace("team-a")
                .resource(configMap("x", Map.of(), Map.of()))
                .create();
        assertEquals(1, client.configMaps().inAnyNamespace().list().getItems().size());
        assertNull(client.configMaps().inNamespace("default").withName("x").get());
    }

    private static CustomResourceDefinition kopfExampleDefinition() {
        return new CustomResourceDefinitionBuilder()
                .withNewMetadata()
                .withName("kopfexamples.kopf.dev")
                .endMetadata()
                .withNewSpec()
                .withGroup("kopf.dev")
                .withScope("Namespaced")
                .withNewNames()
                .withKind("KopfExample")
                .withPlural("kopfexamples")
                .withSingular("kopfexample")
                .withShortNames("kex")
                .endNames()
                .addNewVersion()
                .withName("v1")
                .withServed(true)
                .withStorage(true)
                .withNewSchema()
                .withNewOpenAPIV3Schema()
                .withType("object")
                .withXKubernetesPreserveUnknownFields(true)
                .endOpenAPIV3Schema()
                .endSchema()
                .endVersion()
                .endSpec()
                .build();
    }

    private static List<String> names(List<? extends io.fabric8.kubernetes.api.model.HasMetadata> items) {
        return items.stream().map(item -> item.getMetadata().getName()).collect(Collectors.toList());
    }

    private static List<String> sorted(List<String> names) {
        return names.stream().sorted().toList();
    }
}
