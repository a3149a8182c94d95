package kmock.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Discovery documents are reused between requests, yet always show the catalog as it is now. */
class ScaffoldDocumentsTest {

    @RegisterExtension
    final Served served = new Served();

    private KubernetesEmulator kmock;

    @BeforeEach
    void start() {
        kmock = new KubernetesEmulator();
        kmock.resources().put("example.com/v1/widgets", Map.of("kind", "Widget", "namespaced", true));
        served.serve(kmock, null);
    }

    @Test
    void aRepeatedRequestGetsTheSameDocument() {
        String first = kmock.get("/openapi/v3").text();
        assertEquals(first, kmock.get("/openapi/v3").text());
        assertTrue(first.contains("apis/example.com/v1"), first);
    }

    @Test
    void aResourceDeclaredAfterAFirstRequestIsDiscoverable() {
        assertFalse(kmock.get("/apis").text().contains("other.org"));
        kmock.resources().put("other.org/v2/gadgets", Map.of("kind", "Gadget", "namespaced", false));
        assertTrue(kmock.get("/apis").text().contains("other.org"));
        assertTrue(kmock.get("/openapi/v3").text().contains("apis/other.org/v2"));
        assertEquals(200, kmock.get("/apis/other.org/v2").status());
        assertEquals(200, kmock.get("/apis/other.org/v2/gadgets").status(), "objects of it are served too");
    }

    @Test
    void aChangeThroughAHeldDescriptionShowsInTheNextDocument() {
        ResourceInfo widgets = kmock.resources().get("example.com/v1/widgets");
        assertFalse(kmock.get("/apis/example.com/v1").text().contains("wdg"));
        widgets.shortNames("wdg");
        assertTrue(kmock.get("/apis/example.com/v1").text().contains("\"wdg\""));
    }

    @Test
    void aRemovedResourceLeavesDiscoveryAndItsObjectsAreNotServed() {
        kmock.resources().remove("example.com/v1/widgets");
        assertEquals(404, kmock.get("/apis/example.com/v1").status());
        var response = kmock.get("/apis/example.com/v1/namespaces/ns/widgets");
        assertEquals(404, response.status());
        assertTrue(response.text().contains("kmock.resources().put"), response.text());
    }

    @Test
    void objectsOfAnUndeclaredResourcePutThroughTheStoreBecomeDiscoverable() {
        kmock.objects().put("tools.dev/v1/hammers", "ns", "h", Map.of("spec", Map.of()));
        assertTrue(kmock.get("/apis").text().contains("tools.dev"), "the group appears once an object of it exists");
        assertEquals(
                200, kmock.get("/apis/tools.dev/v1/namespaces/ns/hammers/h").status());
    }
}
