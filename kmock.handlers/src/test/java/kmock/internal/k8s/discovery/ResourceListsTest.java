package kmock.internal.k8s.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

import kmock.api.Resource;
import kmock.handlers.ResourceInfo;

class ResourceListsTest {

    private static Map<Resource, ResourceInfo> read(String json) {
        return ResourceLists.read(json.getBytes(StandardCharsets.UTF_8), "test.json");
    }

    private static String failure(String json) {
        return assertThrows(IllegalArgumentException.class, () -> read(json)).getMessage();
    }

    @Test
    void fieldsThatKubernetesAddsAreIgnored() {
        Map<Resource, ResourceInfo> resources = read("""
                [{"kind": "APIResourceList", "apiVersion": "v1", "groupVersion": "apps/v1", "resources": [
                  {"name": "deployments", "singularName": "deployment", "namespaced": true, "kind": "Deployment",
                   "verbs": ["get"], "storageVersionHash": "8aSe+NMegvE="},
                  {"name": "deployments/scale", "singularName": "", "namespaced": true, "group": "autoscaling",
                   "version": "v1", "kind": "Scale", "verbs": ["get", "patch", "update"]}]}]""");

        ResourceInfo deployments = resources.get(new Resource("apps", "v1", "deployments"));
        assertEquals(List.of("scale"), deployments.subresources());
        assertEquals("Deployment", deployments.kind());
        assertEquals(1, resources.size());
    }

    @Test
    void missingScopeReadsAsClusterWideAndEmptySingularAsUnset() {
        ResourceInfo info =
                read("{\"groupVersion\": \"v1\", \"resources\": [{\"name\": \"things\", \"singularName\": \"\"}]}")
                        .get(new Resource("", "v1", "things"));

        assertFalse(info.namespaced());
        assertNull(info.singular());
        assertNull(info.kind());
        assertEquals(List.of(), info.verbs());
    }

    @Test
    void emptyArrayReadsAsNoResources() {
        assertTrue(read("[]").isEmpty());
    }

    @Test
    void notJsonIsRefusedNamingTheSource() {
        String message = failure("[{\"groupVersion\": ");

        assertTrue(message.startsWith("Cannot read resources from test.json: Malformed JSON"), message);
    }

    @Test
    void jsonOfAnotherShapeIsRefused() {
        assertEquals(
                "Cannot read resources from test.json: expected a JSON array of APIResourceList documents, one "
                        + "APIResourceList, or a List of them; got \"pods\"",
                failure("\"pods\""));
    }

    @Test
    void listWithoutItemsIsRefused() {
        assertEquals(
                "Cannot read resources from test.json: a List without an 'items' array",
                failure("{\"kind\": \"List\"}"));
    }

    @Test
    void documentThatIsNotAnObjectIsRefusedWithItsNumber() {
        assertEquals(
                "test.json, document 2: expected an APIResourceList object, got 42 (Integer)",
                failure("[{\"groupVersion\": \"v1\", \"resources\": []}, 42]"));
    }

    @Test
    void documentOfAnotherKindIsRefused() {
        assertEquals(
                "test.json, document 1: kind is \"APIGroupList\", expected APIResourceList",
                failure("{\"kind\": \"APIGroupList\", \"groups\": []}"));
    }

    @Test
    void documentWithoutGroupVersionIsRefused() {
        assertEquals(
                "test.json, document 1: 'groupVersion' is missing or not a string", failure("{\"resources\": []}"));
    }

    @Test
    void documentWithoutResourcesIsRefused() {
        assertEquals(
                "test.json, document 1 (v1): 'resources' is missing or not an array",
                failure("{\"groupVersion\": \"v1\"}"));
    }

    @Test
    void resourceWithoutNameIsRefusedWithItsNumber() {
        assertEquals(
                "test.json, document 1 (v1), resource 2: 'name' is missing or not a string",
                failure("{\"groupVersion\": \"v1\", \"resources\": [{\"name\": \"pods\"}, {\"kind\": \"Pod\"}]}"));
    }

    @Test
    void malformedGroupVersionIsRefused() {
        assertEquals(
                "test.json, document 1 (apps/): 'groupVersion' \"apps/\" is not a group/version such as \"v1\" or \"apps/v1\"",
                failure("{\"groupVersion\": \"apps/\", \"resources\": [{\"name\": \"deployments\"}]}"));
    }

    @Test
    void malformedResourceNameIsRefused() {
        assertEquals(
                "test.json, document 1 (v1): 'Pods' is not a resource name (lowercase letters, digits and dashes)",
                failure("{\"groupVersion\": \"v1\", \"resources\": [{\"name\": \"Pods\"}]}"));
    }

    @Test
    void subresourceWithoutItsResourceIsRefused() {
        assertEquals(
                "test.json, document 1 (v1): subresource pods/status has no resource pods in the same list",
                failure("{\"groupVersion\": \"v1\", \"resources\": [{\"name\": \"pods/status\"}]}"));
    }

    @Test
    void fieldsOfTheWrongTypeAreRefusedNamingTheResource() {
        assertEquals(
                "test.json, document 1 (v1), resource pods: 'verbs' must be an array of strings, got \"get\"",
                failure("{\"groupVersion\": \"v1\", \"resources\": [{\"name\": \"pods\", \"verbs\": \"get\"}]}"));
        assertEquals(
                "test.json, document 1 (v1), resource pods: 'kind' must be a string, got 1 (Integer)",
                failure("{\"groupVersion\": \"v1\", \"resources\": [{\"name\": \"pods\", \"kind\": 1}]}"));
    }

    @Test
    void brokenGzipIsRefused() {
        byte[] broken = {0x1f, (byte) 0x8b, 8, 0, 1, 2, 3};

        String message = assertThrows(IllegalArgumentException.class, () -> ResourceLists.read(broken, "dump.gz"))
                .getMessage();

        assertTrue(message.startsWith("Cannot read resources from dump.gz: broken gzip data"), message);
    }

    @Test
    void gzipThatInflatesBeyondTheLimitIsRefusedInsteadOfRead() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            byte[] spaces = new byte[1024 * 1024];
            Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i <= ResourceLists.MAX_BYTES / spaces.length; i++) {
                zip.write(spaces);
            }
        }

        String message = assertThrows(
                        IllegalArgumentException.class, () -> ResourceLists.read(out.toByteArray(), "bomb.gz"))
                .getMessage();

        assertEquals("Cannot read resources from bomb.gz: more than 64 MiB once decompressed", message);
    }
}
