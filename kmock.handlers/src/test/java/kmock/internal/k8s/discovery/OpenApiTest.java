package kmock.internal.k8s.discovery;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import kmock.api.Resource;
import kmock.handlers.ResourceInfo;
import kmock.internal.json.Json;

class OpenApiTest {

    private static final Catalog BUNDLED = Catalog.of(ResourceLists.bundled());

    @Test
    void indexListsEveryGroupVersionWithAHashedDocumentUrl() {
        Map<?, ?> paths = (Map<?, ?>) new OpenApi(BUNDLED).index().get("paths");

        assertEquals(21, paths.size());
        assertEquals(
                List.of("api/v1", "apis/admissionregistration.k8s.io/v1"),
                List.copyOf(paths.keySet()).subList(0, 2));
        assertTrue(paths.containsKey("apis/autoscaling/v2") && paths.containsKey("apis/autoscaling/v1"));
        String url = (String) ((Map<?, ?>) paths.get("apis/apps/v1")).get("serverRelativeURL");
        assertTrue(url.matches("/openapi/v3/apis/apps/v1\\?hash=[0-9A-F]{64}"), url);
        assertEquals(List.of("serverRelativeURL"), List.copyOf(((Map<?, ?>) paths.get("api/v1")).keySet()));
    }

    @Test
    void everyResourceHasAPatchOperationWithItsKindAndFieldValidation() {
        OpenApi openApi = new OpenApi(BUNDLED);
        int checked = 0;

        for (Catalog.Entry entry : BUNDLED.entries()) {
            Resource resource = entry.resource();
            Map<?, ?> paths = (Map<?, ?>)
                    openApi.document(resource.group(), resource.version()).get("paths");
            String groupVersion = new Resource(resource.group(), resource.version(), null).path();
            String object = groupVersion + (entry.namespaced() ? "/namespaces/{namespace}/" : "/") + resource.plural()
                    + "/{name}";
            assertTrue(paths.containsKey(object), object);

            Map<?, ?> patch = (Map<?, ?>) ((Map<?, ?>) paths.get(object)).get("patch");

            assertNotNull(patch, object);
            assertEquals(
                    Map.of("group", resource.group(), "version", resource.version(), "kind", entry.kind()),
                    patch.get("x-kubernetes-group-version-kind"),
                    object);
            assertTrue(
                    ((List<?>) patch.get("parameters"))
                            .stream()
                                    .map(Map.class::cast)
                                    .anyMatch(p ->
                                            "fieldValidation".equals(p.get("name")) && "query".equals(p.get("in"))),
                    object);
            checked++;
        }
        assertEquals(61, checked);
    }

    @Test
    void objectPathsFollowTheScope() {
        Map<?, ?> paths = (Map<?, ?>) new OpenApi(BUNDLED).document("", "v1").get("paths");

        assertTrue(paths.containsKey("/api/v1/namespaces/{namespace}/configmaps/{name}"));
        assertTrue(paths.containsKey("/api/v1/namespaces/{namespace}/configmaps"));
        assertTrue(paths.containsKey("/api/v1/namespaces/{name}"));
        assertTrue(paths.containsKey("/api/v1/nodes/{name}"));
        assertTrue(((Map<?, ?>) paths.get("/api/v1/namespaces/{namespace}/configmaps")).containsKey("post"));
    }

    @Test
    void documentHasTheOpenApiHeaderAndTheSchemaOfEachKind() {
        Map<String, Object> document = new OpenApi(BUNDLED).document("apps", "v1");

        assertEquals(List.of("openapi", "info", "paths", "components"), List.copyOf(document.keySet()));
        assertEquals("3.0.0", document.get("openapi"));
        assertEquals(Map.of("title", "Kubernetes", "version", "v1.32.0"), document.get("info"));
        Map<?, ?> schemas = (Map<?, ?>) ((Map<?, ?>) document.get("components")).get("schemas");
        Map<?, ?> deployment = (Map<?, ?>) schemas.get("io.k8s.api.apps.v1.Deployment");
        assertEquals("object", deployment.get("type"));
        assertEquals(
                List.of("apiVersion", "kind", "metadata", "spec", "status"),
                List.copyOf(((Map<?, ?>) deployment.get("properties")).keySet()));
        assertEquals(
                List.of(Map.of("group", "apps", "version", "v1", "kind", "Deployment")),
                deployment.get("x-kubernetes-group-version-kind"));
        assertEquals(
                List.of(Map.of("$ref", "#/components/schemas/io.k8s.api.apps.v1.DeploymentSpec")),
                property(deployment, "spec").get("allOf"));
    }

    private static Map<?, ?> property(Map<?, ?> schema, String name) {
        return (Map<?, ?>) ((Map<?, ?>) schema.get("properties")).get(name);
    }

    private static Map<?, ?> component(Map<String, Object> document, String name) {
        return (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) document.get("components")).get("schemas")).get(name);
    }

    @Test
    void builtInSchemasCarryTypesRequiredFieldsEnumsAndPatchExtensions() {
        Map<String, Object> apps = new OpenApi(BUNDLED).document("apps", "v1");
        Map<?, ?> spec = component(apps, "io.k8s.api.apps.v1.DeploymentSpec");
        assertEquals(Map.of("type", "integer", "format", "int32"), property(spec, "replicas"));
        assertTrue(((List<?>) spec.get("required")).containsAll(List.of("selector", "template")), spec.toString());
        Map<?, ?> strategy = component(apps, "io.k8s.api.apps.v1.DeploymentStrategy");
        assertEquals(
                List.of("Recreate", "RollingUpdate"), property(strategy, "type").get("enum"));
        Map<?, ?> containers = property(component(apps, "io.k8s.api.core.v1.PodSpec"), "containers");
        assertEquals("array", containers.get("type"));
        assertEquals("merge", containers.get("x-kubernetes-patch-strategy"));
        assertEquals("name", containers.get("x-kubernetes-patch-merge-key"));
        assertEquals(
                Map.of("type", "string"),
                ((Map<?, ?>) property(component(apps, "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), "labels"))
                        .get("additionalProperties"));
    }

    @Test
    void customResourcesGetTheSchemaOfTheirDefinitionWithMetadata() {
        Map<Resource, ResourceInfo> resources =
                Map.of(new Resource("kopf.dev", "v1", "kopfexamples"), new ResourceInfo().kind("KopfExample"));
        @SuppressWarnings("unchecked")
        Map<String, Object> crd =
                (Map<String, Object>) Json.parse("{\"spec\":{\"versions\":[{\"name\":\"v1\",\"schema\":{"
                        + "\"openAPIV3Schema\":{\"type\":\"object\",\"properties\":{\"spec\":{\"type\":\"object\",\"properties\":{"
                        + "\"duration\":{\"type\":\"integer\",\"description\":\"Seconds.\"}}}}}}}]}}");
        Map<String, Object> document = new OpenApi(resources, resource -> crd).document("kopf.dev", "v1");
        Map<?, ?> example = component(document, "dev.kopf.v1.KopfExample");
        assertEquals(
                List.of(Map.of("group", "kopf.dev", "version", "v1", "kind", "KopfExample")),
                example.get("x-kubernetes-group-version-kind"));
        assertEquals("Seconds.", property(property(example, "spec"), "duration").get("description"));
        assertEquals(
                List.of(Map.of("$ref", "#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta")),
                property(example, "metadata").get("allOf"));
        assertNotNull(component(document, "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"));
    }

    @Test
    void kindsNothingDescribesGetAPermissiveSchema() {
        Map<Resource, ResourceInfo> resources =
                Map.of(new Resource("example.com", "v1", "widgets"), new ResourceInfo().kind("Widget"));
        Map<?, ?> widget = component(new OpenApi(resources).document("example.com", "v1"), "com.example.v1.Widget");
        assertEquals(true, widget.get("x-kubernetes-preserve-unknown-fields"));
        assertEquals(
                List.of("apiVersion", "kind", "metadata"),
                List.copyOf(((Map<?, ?>) widget.get("properties")).keySet()));
    }

    @Test
    void documentIsNullWhereNothingIsServed() {
        assertNull(new OpenApi(BUNDLED).document("apps", "v2"));
        assertNull(new OpenApi(BUNDLED).document("example.com", "v1"));
    }

    @Test
    void sameCatalogContentGivesTheSameJsonAndHashes() {
        OpenApi first = new OpenApi(ResourceLists.bundled());
        OpenApi second = new OpenApi(ResourceLists.bundled());

        assertEquals(first.index(), second.index());
        assertArrayEquals(Json.write(first.document("", "v1")), Json.write(second.document("", "v1")));
    }

    @Test
    void changedResourceChangesOnlyTheHashOfItsGroupVersion() {
        Map<Resource, ResourceInfo> resources = ResourceLists.bundled();
        Map<?, ?> before = (Map<?, ?>) new OpenApi(resources).index().get("paths");

        resources.get(new Resource("apps", "v1", "deployments")).kind("Rollout");
        Map<?, ?> after = (Map<?, ?>) new OpenApi(resources).index().get("paths");

        assertNotEquals(before.get("apis/apps/v1"), after.get("apis/apps/v1"));
        assertEquals(before.get("api/v1"), after.get("api/v1"));
        assertEquals(before.get("apis/batch/v1"), after.get("apis/batch/v1"));
    }

    @Test
    void schemaNamesFollowKubernetesConventions() {
        assertEquals(
                "io.k8s.api.core.v1.ConfigMap", OpenApi.schemaName(new Resource("", "v1", "configmaps"), "ConfigMap"));
        assertEquals(
                "io.k8s.api.networking.v1.Ingress",
                OpenApi.schemaName(new Resource("networking.k8s.io", "v1", "ingresses"), "Ingress"));
        assertEquals("io.k8s.api.batch.v1.Job", OpenApi.schemaName(new Resource("batch", "v1", "jobs"), "Job"));
        assertEquals(
                "dev.kopf.v1.KopfExample",
                OpenApi.schemaName(new Resource("kopf.dev", "v1", "kopfexamples"), "KopfExample"));
    }
}
