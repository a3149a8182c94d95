package kmock.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import kmock.api.Resource;

class ResourcesArrayTest {

    private static final Resource CONFIGMAPS = new Resource("", "v1", "configmaps");
    private static final Resource DEPLOYMENTS = new Resource("apps", "v1", "deployments");

    private static final String WIDGETS = """
            {"kind": "APIResourceList", "groupVersion": "example.com/v1", "resources": [
              {"name": "widgets", "singularName": "widget", "namespaced": true, "kind": "Widget",
               "verbs": ["get", "list"], "shortNames": ["wd"]},
              {"name": "widgets/status", "singularName": "", "namespaced": true, "kind": "Widget", "verbs": ["get"]}
            ]}""";

    private final ResourcesArray resources = new ResourcesArray();

    @ParameterizedTest
    @ValueSource(strings = {"v1/configmaps", "configmaps.v1"})
    void coreNotationsNameTheSameResource(String spec) {
        resources.put("v1/configmaps", Map.of("kind", "ConfigMap"));

        assertTrue(resources.contains(spec));
        assertEquals("ConfigMap", resources.get(spec).kind());
        assertEquals(List.of(CONFIGMAPS), List.copyOf(resources.keys()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"apps/v1/deployments", "deployments.v1.apps"})
    void groupNotationsNameTheSameResource(String spec) {
        resources.put(DEPLOYMENTS, Map.of("kind", "Deployment"));

        assertTrue(resources.contains(spec));
        assertEquals("Deployment", resources.find(spec).kind());
        assertEquals(DEPLOYMENTS, resources.keys().iterator().next());
    }

    @Test
    void putWithAMapDeclaresADescriptionWithThoseFields() {
        ResourceInfo info = resources.put(
                "kopf.dev/v1/kopfexamples",
                Map.of("kind", "KopfExample", "namespaced", true, "shortNames", List.of("kex")));

        assertSame(info, resources.get("kopfexamples.v1.kopf.dev"));
        assertEquals(List.of("kex"), info.shortNames());
        assertEquals(1, resources.size());
    }

    @Test
    void putKeepsTheGivenDescriptionByReference() {
        ResourceInfo info = new ResourceInfo();
        resources.put("v1/pods", info);

        info.kind("Pod");

        assertEquals("Pod", resources.get("pods.v1").kind());
    }

    @Test
    void putReplacesAnEarlierDescription() {
        resources.put("v1/pods", Map.of("kind", "Old"));

        resources.put("v1/pods", Map.of("kind", "Pod"));

        assertEquals("Pod", resources.get("v1/pods").kind());
        assertEquals(1, resources.size());
    }

    @Test
    void getCreatesAnEmptyMutableDescriptionOnFirstAccessAndReturnsItLater() {
        ResourceInfo created = resources.get("v1/foos");

        assertTrue(resources.contains("v1/foos"));
        assertNull(created.kind());
        assertTrue(created.namespaced());
        created.kind("Foo").namespaced(false);
        assertSame(created, resources.get(new Resource("", "v1", "foos")));
        assertFalse(resources.get("foos.v1").namespaced());
    }

    @Test
    void findCreatesNothing() {
        assertNull(resources.find("v1/foos"));
        assertFalse(resources.contains("v1/foos"));
        assertEquals(0, resources.size());
    }

    @Test
    void removeForgetsAResourceAndReturnsItsDescription() {
        ResourceInfo info = resources.put("v1/pods", Map.of("kind", "Pod"));

        assertSame(info, resources.remove("pods.v1"));
        assertFalse(resources.contains("v1/pods"));
        assertNull(resources.remove("v1/pods"));
        assertEquals(0, resources.size());
    }

    @Test
    void keysKeepTheOrderOfDeclarationAndAreASnapshot() {
        resources.get("v1/pods");
        resources.get("apps/v1/deployments");
        resources.get("v1/configmaps");

        var keys = resources.keys();
        resources.get("v1/secrets");

        assertEquals(List.of(new Resource("", "v1", "pods"), DEPLOYMENTS, CONFIGMAPS), List.copyOf(keys));
        assertThrows(UnsupportedOperationException.class, () -> keys.add(CONFIGMAPS));
    }

    @Test
    void specWithoutGroupAndVersionIsRefusedWithExamples() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> resources.get("pods"));

        assertEquals(
                "The resource spec 'pods' names no group and no version: name the group, version and plural, "
                        + "e.g. \"v1/pods\" (core group) or \"example.com/v1/pods\"",
                error.getMessage());
    }

    @Test
    void specWithoutVersionIsRefusedWithExamplesInItsGroup() {
        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> resources.put("deployments.apps", Map.of()));

        assertEquals(
                "The resource spec 'deployments.apps' names no version: name the group, version and plural, "
                        + "e.g. \"apps/v1/deployments\" or \"deployments.v1.apps\"",
                error.getMessage());
    }

    @Test
    void incompleteResourceObjectIsRefusedNamingTheMissingPart() {
        IllegalArgumentException error = assertThrows(
                IllegalArgumentException.class, () -> resources.contains(new Resource("apps", "v1", null)));

        assertEquals(
                "The resource spec '*.v1.apps' names no plural: name the group, version and plural, "
                        + "e.g. \"apps/v1/widgets\" or \"widgets.v1.apps\"",
                error.getMessage());
    }

    @Test
    void unparsableSpecIsRefusedListingTheNotations() {
        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> resources.remove("/api/v1/pods"));

        assertTrue(
                error.getMessage().startsWith("Not a Kubernetes resource: '/api/v1/pods'. Use 'v1/pods'"),
                error.getMessage());
    }

    @Test
    void specOfAnotherTypeIsRefused() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> resources.get(42));

        assertEquals(
                "A resource spec is a String such as \"v1/pods\" or \"apps/v1/deployments\", or a "
                        + "kmock.api.Resource; got 42 (Integer)",
                error.getMessage());
    }

    @Test
    void descriptionOfAnotherTypeIsRefused() {
        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> resources.put("v1/pods", "Pod"));

        assertTrue(
                error.getMessage().startsWith("A resource description is a ResourceInfo or a Map"), error.getMessage());
        assertFalse(resources.contains("v1/pods"));
    }

    @Test
    void unknownMapKeyIsRefusedAndNothingIsDeclared() {
        IllegalArgumentException error = assertThrows(
                IllegalArgumentException.class, () -> resources.put("v1/pods", Map.of("scope", "Namespaced")));

        assertTrue(
                error.getMessage()
                        .endsWith(
                                "the fields are kind, singular, shortNames, categories, verbs, subresources, namespaced"),
                error.getMessage());
        assertEquals(0, resources.size());
    }

    @Test
    void bundledResourcesAreTheBuiltInGroupsOfKubeApiserver() {
        resources.loadBundled();

        Map<String, Long> perGroup = resources.keys().stream()
                .collect(Collectors.groupingBy(Resource::group, TreeMap::new, Collectors.counting()));
        Map<String, Long> expected = new TreeMap<>(Map.ofEntries(
                Map.entry("", 17L),
                Map.entry("admissionregistration.k8s.io", 4L),
                Map.entry("apiextensions.k8s.io", 1L),
                Map.entry("apiregistration.k8s.io", 1L),
                Map.entry("apps", 5L),
                Map.entry("authentication.k8s.io", 2L),
                Map.entry("authorization.k8s.io", 4L),
                Map.entry("autoscaling", 2L),
                Map.entry("batch", 2L),
                Map.entry("certificates.k8s.io", 1L),
                Map.entry("coordination.k8s.io", 1L),
                Map.entry("discovery.k8s.io", 1L),
                Map.entry("events.k8s.io", 1L),
                Map.entry("flowcontrol.apiserver.k8s.io", 2L),
                Map.entry("networking.k8s.io", 5L),
                Map.entry("node.k8s.io", 1L),
                Map.entry("policy", 1L),
                Map.entry("rbac.authorization.k8s.io", 4L),
                Map.entry("scheduling.k8s.io", 1L),
                Map.entry("storage.k8s.io", 5L)));
        assertEquals(expected, perGroup);
        assertEquals(61, resources.size());
    }

    @Test
    void bundledResourcesLeaveOutAddOnAndCustomGroups() {
        resources.loadBundled();

        assertTrue(
                resources.keys().stream()
                        .noneMatch(r ->
                                r.group().equals("metrics.k8s.io") || r.group().equals("gateway.networking.k8s.io")),
                resources.keys().toString());
    }

    @Test
    void bundledResourcesKeepShortNamesScopesAndSubresources() {
        resources.loadBundled();

        assertEquals(List.of("cm"), resources.get("v1/configmaps").shortNames());
        assertEquals("ConfigMap", resources.get("v1/configmaps").kind());
        assertEquals(
                List.of("scale", "status"), resources.get("apps/v1/deployments").subresources());
        assertEquals(List.of("all"), resources.get("apps/v1/deployments").categories());
        assertFalse(resources.get("v1/namespaces").namespaced());
        assertEquals(
                List.of("finalize", "status"), resources.get("v1/namespaces").subresources());
        assertTrue(resources.get("v1/pods").namespaced());
        assertEquals("endpoints", resources.get("v1/endpoints").singular());
        assertTrue(resources.contains("autoscaling/v1/horizontalpodautoscalers"));
        assertTrue(resources.contains("autoscaling/v2/horizontalpodautoscalers"));
    }

    @Test
    void loadingTheSameDumpGzippedOrPlainGivesTheSameCatalog(@TempDir Path dir) throws IOException {
        byte[] gzipped = bundledBytes();
        Path gz = Files.write(dir.resolve("resources.json.gz"), gzipped);
        Path plain = Files.write(dir.resolve("resources.json"), gunzip(gzipped));
        Path gzipWithoutExtension = Files.write(dir.resolve("resources.dump"), gzipped);
        ResourcesArray fromPlain = new ResourcesArray().loadPath(plain);
        ResourcesArray fromMagic = new ResourcesArray().loadPath(gzipWithoutExtension);

        resources.loadPath(gz);

        assertEquals(61, resources.size());
        assertEquals(resources.keys(), fromPlain.keys());
        assertEquals(resources.keys(), fromMagic.keys());
        assertEquals(
                resources.get("v1/configmaps").toMap(),
                fromPlain.get("v1/configmaps").toMap());
        assertEquals(
                resources.get("apps/v1/deployments").toMap(),
                fromMagic.get("apps/v1/deployments").toMap());
    }

    @Test
    void gzExtensionOnPlainContentIsRefused(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("resources.json.gz"), "[]");

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> resources.loadPath(file));

        assertEquals(
                "Cannot read resources from " + file + ": the name ends in .gz but the content is not gzip-compressed",
                error.getMessage());
    }

    @Test
    void missingFileFailsNamingIt(@TempDir Path dir) {
        Path file = dir.resolve("absent.json");

        UncheckedIOException error = assertThrows(UncheckedIOException.class, () -> resources.loadPath(file));

        assertTrue(error.getMessage().startsWith("Cannot read resources from " + file), error.getMessage());
    }

    @Test
    void singleDocumentLoadsWithItsSubresources() {
        resources.loadData(WIDGETS);

        ResourceInfo widgets = resources.get("example.com/v1/widgets");
        assertEquals(1, resources.size());
        assertEquals("Widget", widgets.kind());
        assertEquals("widget", widgets.singular());
        assertEquals(List.of("wd"), widgets.shortNames());
        assertEquals(List.of("get", "list"), widgets.verbs());
        assertEquals(List.of("status"), widgets.subresources());
    }

    @Test
    void gzippedBytesLoadLikePlainText() throws IOException {
        resources.loadData(gzip(WIDGETS.getBytes(StandardCharsets.UTF_8)));

        assertEquals(List.of("status"), resources.get("example.com/v1/widgets").subresources());
    }

    @Test
    void listWrapperLoadsEveryItem() {
        resources.loadData(("{\"kind\": \"List\", \"apiVersion\": \"v1\", \"items\": [" + WIDGETS + ", "
                        + "{\"groupVersion\": \"v1\", \"resources\": [{\"name\": \"things\", \"namespaced\": false}]}]}")
                .getBytes(StandardCharsets.UTF_8));

        assertEquals(
                List.of(new Resource("example.com", "v1", "widgets"), new Resource("", "v1", "things")),
                List.copyOf(resources.keys()));
        assertFalse(resources.get("v1/things").namespaced());
        assertNull(resources.get("v1/things").kind());
    }

    @Test
    void loadedResourcesReplaceDeclaredOnesAndKeepOthers() {
        resources.put("example.com/v1/widgets", Map.of("kind", "Declared"));
        resources.put("v1/pods", Map.of("kind", "Pod"));

        resources.loadData(WIDGETS);

        assertEquals("Widget", resources.get("example.com/v1/widgets").kind());
        assertEquals("Pod", resources.get("v1/pods").kind());
    }

    @Test
    void malformedDataLoadsNothingAndNamesTheSource() {
        String data = "[" + WIDGETS
                + ", {\"groupVersion\": \"v1\", \"resources\": [{\"name\": \"pods\", \"namespaced\": \"yes\"}]}]";

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> resources.loadData(data));

        assertEquals(
                "the given data, document 2 (v1), resource pods: 'namespaced' must be true or false, got \"yes\"",
                error.getMessage());
        assertEquals(0, resources.size());
    }

    @Test
    void revisionGrowsWithEveryChangeIncludingChangesOfHeldDescriptions() {
        long start = resources.revision();
        ResourceInfo pods = resources.get("v1/pods");
        long afterCreate = resources.revision();
        resources.get("v1/pods");
        long afterRead = resources.revision();
        pods.kind("Pod");
        long afterChange = resources.revision();
        resources.loadData(WIDGETS);
        long afterLoad = resources.revision();
        resources.remove("v1/pods");
        long afterRemove = resources.revision();

        assertTrue(afterCreate > start);
        assertEquals(afterCreate, afterRead);
        assertTrue(afterChange > afterRead);
        assertTrue(afterLoad > afterChange);
        assertTrue(afterRemove > afterLoad);
    }

    @Test
    void removedOrReplacedDescriptionsNoLongerChangeTheRevision() {
        ResourceInfo removed = resources.get("v1/pods");
        ResourceInfo replaced = resources.get("v1/secrets");
        resources.remove("v1/pods");
        resources.put("v1/secrets", new ResourceInfo());
        long revision = resources.revision();

        removed.kind("Pod");
        replaced.kind("Secret");

        assertEquals(revision, resources.revision());
    }

    @Test
    void descriptionHeldUnderTwoResourcesStaysWatchedWhileOneRemains() {
        ResourceInfo shared = new ResourceInfo();
        resources.put("v1/pods", shared);
        resources.put("v2/pods", shared);
        resources.remove("v1/pods");
        long revision = resources.revision();

        shared.kind("Pod");

        assertTrue(resources.revision() > revision);
        assertNotNull(resources.find("v2/pods"));
    }

    private static byte[] bundledBytes() throws IOException {
        try (InputStream in =
                ResourcesArray.class.getResourceAsStream("/kmock/internal/k8s/discovery/bundled-resources.json.gz")) {
            assertNotNull(in, "the bundled resources are in the jar");
            return in.readAllBytes();
        }
    }

    private static byte[] gunzip(byte[] bytes) throws IOException {
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        }
        return out.toByteArray();
    }
}
