package kmock.internal.k8s.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import kmock.internal.json.Json;

class JsonPathTest {

    private static final Object OBJECT = Json.parse(
            "{\"spec\":{\"replicas\":3,\"a.b\":\"dotted\"},"
                    + "\"status\":{\"conditions\":[{\"type\":\"Synced\",\"status\":\"False\"},{\"type\":\"Ready\",\"status\":\"True\"}]}}");

    @Test
    void fieldsIndexesAndQuotedNames() {
        assertEquals(3, JsonPath.compile(".spec.replicas").first(OBJECT));
        assertEquals("dotted", JsonPath.compile(".spec['a.b']").first(OBJECT));
        assertEquals("Synced", JsonPath.compile(".status.conditions[0].type").first(OBJECT));
        assertEquals("Ready", JsonPath.compile("{.status.conditions[-1].type}").first(OBJECT));
    }

    @Test
    void filtersAndWildcards() {
        assertEquals(
                "True",
                JsonPath.compile(".status.conditions[?(@.type==\"Ready\")].status")
                        .first(OBJECT));
        assertEquals(
                List.of("Synced"),
                JsonPath.compile(".status.conditions[?(@.status != 'True')].type")
                        .find(OBJECT));
        assertEquals(
                List.of("Synced", "Ready"),
                JsonPath.compile(".status.conditions[*].type").find(OBJECT));
    }

    @Test
    void missingKeysReachNothing() {
        assertNull(JsonPath.compile(".spec.nothing.deeper").first(OBJECT));
        assertTrue(JsonPath.compile(".status.conditions[5]").find(OBJECT).isEmpty());
    }

    @Test
    void pathsOutsideTheSubsetAreRefusedWithTheirPosition() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> JsonPath.compile("..spec"));
        assertTrue(
                error.getMessage().contains("'..spec'") && error.getMessage().contains("position"), error.getMessage());
    }
}
