package kmock.internal.k8s.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

import kmock.api.Resource;
import kmock.handlers.ResourceInfo;
import kmock.internal.json.Json;

class DiscoveryTest {

    private static final Discovery BUNDLED = new Discovery(ResourceLists.bundled());

    private static Discovery of(Object... specsAndInfos) {
        Map<Resource, ResourceInfo> resources = new LinkedHashMap<>();
        for (int i = 0; i < specsAndInfos.length; i += 2) {
            resources.put(Resource.parse((String) specsAndInfos[i]), (ResourceInfo) specsAndInfos[i + 1]);
        }
        return new Discovery(resources);
    }

    @Test
    void versionHasExactlyTheNineFieldsOfVersionInfo() {
        Map<String, Object> version = Discovery.version();

        assertEquals(
                List.of(
                        "major",
                        "minor",
                        "gitVersion",
                        "gitCommit",
                        "gitTreeState",
                        "buildDate",
                        "goVersion",
                        "compiler",
                        "platform"),
                List.copyOf(version.keySet()));
        assertEquals("1", version.get("major"));
        assertEquals("32", version.get("minor"));
        assertEquals("v1.32.0-kmock", version.get("gitVersion"));
        version.values().forEach(value -> assertEquals(String.class, value.getClass()));
    }

    @Test
    void apiListsTheCoreVersionAndTheServerAddress() {
        Map<String, Object> api = BUNDLED.apiVersions("127.0.0.1:4321");

        assertEquals(
                Json.parse("{\"kind\": \"APIVersions\", \"versions\": [\"v1\"], \"serverAddressByClientCIDRs\": "
                        + "[{\"clientCIDR\": \"0.0.0.0/0\", \"serverAddress\": \"127.0.0.1:4321\"}]}"),
                api);
        assertEquals(List.of("kind", "versions", "serverAddressByClientCIDRs"), List.copyOf(api.keySet()));
    }

    @Test
    void apiListsV1EvenWithoutCoreResources() {
        assertEquals(
                List.of("v1"),
                of("apps/v1/deployments", new ResourceInfo()).apiVersions("h:1").get("versions"));
    }

    @Test
    void groupListNamesEveryNamedGroupAlphabeticallyWithItsPreferredVersion() {
        Map<String, Object> apis = BUNDLED.groupList();

        assertEquals(List.of("kind", "apiVersion", "groups"), List.copyOf(apis.keySet()));
        assertEquals("APIGroupList", apis.get("kind"));
        List<?> groups = (List<?>) apis.get("groups");
        List<Object> names = new ArrayList<>();
        groups.forEach(group -> names.add(((Map<?, ?>) group).get("name")));
        assertEquals(
                List.of(
                        "admissionregistration.k8s.io",
                        "apiextensions.k8s.io",
                        "apiregistration.k8s.io",
                        "apps",
                        "authentication.k8s.io",
                        "authorization.k8s.io",
                        "autoscaling",
                        "batch",
                        "certificates.k8s.io",
                        "coordination.k8s.io",
                        "discovery.k8s.io",
                        "events.k8s.io",
                        "flowcontrol.apiserver.k8s.io",
                        "networking.k8s.io",
                        "node.k8s.io",
                        "policy",
                        "rbac.authorization.k8s.io",
                        "scheduling.k8s.io",
                        "storage.k8s.io"),
                names);
        Map<?, ?> autoscaling = (Map<?, ?>) groups.get(names.indexOf("autoscaling"));
        assertEquals(
                Json.parse("{\"name\": \"autoscaling\", \"versions\": ["
                        + "{\"groupVersion\": \"autoscaling/v2\", \"version\": \"v2\"},"
                        + "{\"groupVersion\": \"autoscaling/v1\", \"version\": \"v1\"}],"
                        + "\"preferredVersion\": {\"groupVersion\": \"autoscaling/v2\", \"version\": \"v2\"}}"),
                autoscaling);
    }

    @Test
    void preferredVersionIsTheHighestByKubernetesPriority() {
        Discovery discovery = of(
                "example.com/v1alpha1/widgets",
                new ResourceInfo(),
                "example.com/v1beta1/widgets",
                new ResourceInfo(),
                "example.com/v1/widgets",
                new ResourceInfo(),
                "example.com/v1beta2/widgets",
                new ResourceInfo());

        Map<String, Object> group = discovery.group("example.com");

        assertEquals(
                List.of("kind", "apiVersion", "name", "versions", "preferredVersion"), List.copyOf(group.keySet()));
        assertEquals("APIGroup", group.get("kind"));
        assertEquals(Map.of("groupVersion", "example.com/v1", "version", "v1"), group.get("preferredVersion"));
        List<Object> versions = new ArrayList<>();
        ((List<?>) group.get("versions")).forEach(v -> versions.add(((Map<?, ?>) v).get("version")));
        assertEquals(List.of("v1", "v1beta2", "v1beta1", "v1alpha1"), versions);
    }

    @Test
    void unknownGroupAndTheCoreGroupHaveNoGroupDocument() {
        assertNull(BUNDLED.group("example.com"));
        assertNull(BUNDLED.group(""));
    }

    @Test
    void resourceListHasOneEntryPerResourceAndOnePerSubresource() {
        Map<String, Object> apps = BUNDLED.resourceList("apps", "v1");

        assertEquals(List.of("kind", "apiVersion", "groupVersion", "resources"), List.copyOf(apps.keySet()));
        assertEquals("APIResourceList", apps.get("kind"));
        assertEquals("apps/v1", apps.get("groupVersion"));
        List<Object> names = new ArrayList<>();
        ((List<?>) apps.get("resources")).forEach(r -> names.add(((Map<?, ?>) r).get("name")));
        assertEquals(
                List.of(
                        "controllerrevisions",
                        "daemonsets",
                        "daemonsets/status",
                        "deployments",
                        "deployments/scale",
                        "deployments/status",
                        "replicasets",
                        "replicasets/scale",
                        "replicasets/status",
                        "statefulsets",
                        "statefulsets/scale",
                        "statefulsets/status"),
                names);
    }

    @Test
    void statusServesTheParentKindAndScaleServesAutoscalingV1Scale() {
        List<?> resources = (List<?>) BUNDLED.resourceList("apps", "v1").get("resources");

        assertEquals(
                Json.parse(
                        "{\"name\": \"deployments/scale\", \"singularName\": \"\", \"namespaced\": true, "
                                + "\"group\": \"autoscaling\", \"version\": \"v1\", \"kind\": \"Scale\", \"verbs\": [\"get\", \"patch\", \"update\"]}"),
                resources.get(4));
        assertEquals(
                Json.parse("{\"name\": \"deployments/status\", \"singularName\": \"\", \"namespaced\": true, "
                        + "\"kind\": \"Deployment\", \"verbs\": [\"get\", \"patch\", \"update\"]}"),
                resources.get(5));
        assertEquals(
                List.of("name", "singularName", "namespaced", "group", "version", "kind", "verbs"),
                List.copyOf(((Map<?, ?>) resources.get(4)).keySet()));
    }

    @Test
    void resourceEntryHasKubernetesFieldsInKubernetesOrder() {
        List<?> core = (List<?>) BUNDLED.resourceList("", "v1").get("resources");
        Map<?, ?> configmaps = core.stream()
                .map(Map.class::cast)
                .filter(r -> r.get("name").equals("configmaps"))
                .findFirst()
                .orElseThrow();
        Map<?, ?> pods = core.stream()
                .map(Map.class::cast)
                .filter(r -> r.get("name").equals("pods"))
                .findFirst()
                .orElseThrow();

        assertEquals(
                List.of("name", "singularName", "namespaced", "kind", "verbs", "shortNames"),
                List.copyOf(configmaps.keySet()));
        assertEquals(List.of("cm"), configmaps.get("shortNames"));
        assertEquals(
                List.of("name", "singularName", "namespaced", "kind", "verbs", "shortNames", "categories"),
                List.copyOf(pods.keySet()));
    }

    @Test
    void unsetFieldsAreDerivedWhenRenderedAndEmptyListsLeftOut() {
        Map<String, Object> list = of("v1/foos", new ResourceInfo()).resourceList("", "v1");

        assertEquals(
                Json.parse(
                        "{\"kind\": \"APIResourceList\", \"apiVersion\": \"v1\", \"groupVersion\": \"v1\", "
                                + "\"resources\": [{\"name\": \"foos\", \"singularName\": \"foos\", \"namespaced\": true, \"kind\": \"Foos\", "
                                + "\"verbs\": [\"create\", \"delete\", \"deletecollection\", \"get\", \"list\", \"patch\", \"update\", \"watch\"]}]}"),
                list);
    }

    @Test
    void setSingularDoesNotChangeTheDefaultKind() {
        Map<?, ?> entry = (Map<?, ?>) ((List<?>) of("v1/foos", new ResourceInfo().singular("foo"))
                        .resourceList("", "v1")
                        .get("resources"))
                .get(0);

        assertEquals("foo", entry.get("singularName"));
        assertEquals("Foos", entry.get("kind"));
    }

    @Test
    void documentsDescribeTheSnapshotNotLaterChanges() {
        ResourceInfo info = new ResourceInfo().kind("Foo");
        Discovery before = of("v1/foos", info);

        info.kind("Bar").subresources("status");

        Map<?, ?> entry = (Map<?, ?>) ((List<?>) before.resourceList("", "v1").get("resources")).get(0);
        assertEquals("Foo", entry.get("kind"));
        assertEquals(1, ((List<?>) before.resourceList("", "v1").get("resources")).size());
        assertEquals(
                "Bar",
                ((Map<?, ?>) ((List<?>) of("v1/foos", info)
                                        .resourceList("", "v1")
                                        .get("resources"))
                                .get(0))
                        .get("kind"));
    }

    @Test
    void connectAndActionSubresourcesServeTheirOwnKindsAndVerbs() {
        Discovery discovery =
                of("v1/pods", new ResourceInfo().kind("Pod").subresources("exec", "portforward", "eviction", "log"));

        List<?> resources = (List<?>) discovery.resourceList("", "v1").get("resources");

        assertEquals(
                Json.parse("{\"name\": \"pods/exec\", \"singularName\": \"\", \"namespaced\": true, "
                        + "\"kind\": \"PodExecOptions\", \"verbs\": [\"create\", \"get\"]}"),
                resources.get(1));
        assertEquals("PodPortForwardOptions", ((Map<?, ?>) resources.get(2)).get("kind"));
        assertEquals(
                Json.parse(
                        "{\"name\": \"pods/eviction\", \"singularName\": \"\", \"namespaced\": true, "
                                + "\"group\": \"policy\", \"version\": \"v1\", \"kind\": \"Eviction\", \"verbs\": [\"create\"]}"),
                resources.get(3));
        assertEquals(List.of("get"), ((Map<?, ?>) resources.get(4)).get("verbs"));
    }

    @Test
    void bundledCatalogRendersBackTheDocumentsItWasLoadedFrom() throws IOException {
        List<?> source = (List<?>) Json.parse(bundledJson());

        for (Object document : source) {
            Map<?, ?> expected = (Map<?, ?>) document;
            String groupVersion = (String) expected.get("groupVersion");
            Resource gv = Resource.parse(groupVersion + "/x");
            List<Object> expectedEntries = new ArrayList<>();
            for (Object entry : (List<?>) expected.get("resources")) {
                expectedEntries.add(withCrossGroupKind((Map<?, ?>) entry));
            }

            Map<String, Object> rendered = BUNDLED.resourceList(gv.group(), gv.version());

            assertEquals(groupVersion, rendered.get("groupVersion"));
            assertEquals(expectedEntries, rendered.get("resources"), groupVersion);
        }
    }

    @Test
    void rootListsDiscoveryPathsAndExtrasSorted() {
        Discovery discovery = of(
                "v1/pods",
                new ResourceInfo(),
                "apps/v1/deployments",
                new ResourceInfo(),
                "autoscaling/v2/horizontalpodautoscalers",
                new ResourceInfo(),
                "autoscaling/v1/horizontalpodautoscalers",
                new ResourceInfo());

        Map<String, Object> root = discovery.paths(List.of("/healthz", "/apis"));

        assertEquals(
                Map.of(
                        "paths",
                        List.of(
                                "/api",
                                "/api/v1",
                                "/apis",
                                "/apis/apps",
                                "/apis/apps/v1",
                                "/apis/autoscaling",
                                "/apis/autoscaling/v1",
                                "/apis/autoscaling/v2",
                                "/healthz",
                                "/version")),
                root);
    }

    @Test
    void resourceListIsNullWhereNothingIsServed() {
        assertNull(BUNDLED.resourceList("apps", "v2"));
        assertNull(BUNDLED.resourceList("example.com", "v1"));
    }

    @Test
    void extraKnownResourcesAreServedWithTheDefaultDescriptionUnlessDeclared() {
        Map<Resource, ResourceInfo> declared = Map.of(new Resource("", "v1", "pods"), new ResourceInfo().kind("Pod"));
        Catalog catalog = Catalog.of(
                declared, List.of(new Resource("", "v1", "pods"), new Resource("kopf.dev", "v1", "kopfexamples")));

        assertEquals("Pod", catalog.entries("", "v1").get(0).kind());
        assertEquals("Kopfexamples", catalog.entries("kopf.dev", "v1").get(0).kind());
        assertEquals(
                List.of("", "kopf.dev"), List.copyOf(catalog.groupVersions().keySet()));
    }

    @Test
    void incompleteResourcesCannotBeRendered() {
        Map<Resource, ResourceInfo> resources = Map.of(new Resource(null, "v1", "pods"), new ResourceInfo());

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> new Discovery(resources));

        assertEquals("Discovery needs complete resources (group, version, plural), got pods.v1.*", error.getMessage());
    }

    /** The dump was taken without the group and version that kube-apiserver adds where a subresource's kind is of another group. */
    private static Map<?, ?> withCrossGroupKind(Map<?, ?> entry) {
        String group =
                switch ((String) entry.get("kind")) {
                    case "Scale" -> "autoscaling";
                    case "Eviction" -> "policy";
                    case "TokenRequest" -> "authentication.k8s.io";
                    default -> null;
                };
        if (group == null) {
            return entry;
        }
        Map<Object, Object> completed = new LinkedHashMap<>();
        entry.forEach((key, value) -> {
            if (key.equals("kind")) {
                completed.put("group", group);
                completed.put("version", "v1");
            }
            completed.put(key, value);
        });
        return completed;
    }

    static byte[] bundledJson() throws IOException {
        try (InputStream in = new GZIPInputStream(ResourceLists.class.getResourceAsStream(ResourceLists.BUNDLED))) {
            return in.readAllBytes();
        }
    }
}
